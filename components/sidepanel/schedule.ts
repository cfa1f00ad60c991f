// When the panel's background work runs: after the next painted frame, or when the page is idle.
// Each returns a cancel (React effects return it as their cleanup).

/**
 * Runs `fn` once the next frame has been painted (a frame callback, then a task; a task where there
 * are no frames). A hidden page gets no frames: its work waits until it shows.
 */
export function afterPaint(fn: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const raf = globalThis.requestAnimationFrame;
  if (!raf) {
    timer = setTimeout(fn, 0);
    return () => clearTimeout(timer);
  }
  const frame = raf(() => {
    timer = setTimeout(fn, 0);
  });
  return () => {
    globalThis.cancelAnimationFrame(frame);
    if (timer !== undefined) clearTimeout(timer);
  };
}

/** Runs `fn` when the page is idle, at the latest after `timeoutMs`; after `fallbackMs` where there are no idle callbacks. */
export function whenIdle(fn: () => void, timeoutMs: number, fallbackMs: number): () => void {
  const idle = globalThis.requestIdleCallback;
  if (idle) {
    const handle = idle(fn, { timeout: timeoutMs });
    return () => globalThis.cancelIdleCallback(handle);
  }
  const timer = setTimeout(fn, fallbackMs);
  return () => clearTimeout(timer);
}
