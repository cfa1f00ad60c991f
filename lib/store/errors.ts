// Typed store errors: what failed, in words the UI can show, while the overlay keeps the articles.
export type StoreErrorCode = 'quota' | 'closed' | 'invalid' | 'unknown';

const MESSAGES: Record<StoreErrorCode, string> = {
  quota: 'The browser has no storage space left for clippings. Free some space (or empty the trash) and save again; the articles are still open.',
  closed: 'The clippings database was closed (the browser may be shutting down or upgrading it). Save again in a moment.',
  invalid: 'The data was not valid clippings data.',
  unknown: 'Saving to the clippings database failed.',
};

export class StoreError extends Error {
  override readonly name = 'StoreError';
  constructor(
    readonly code: StoreErrorCode,
    message: string = MESSAGES[code],
    override readonly cause?: unknown,
  ) {
    super(message);
  }
}

function names(e: unknown): string[] {
  const out: string[] = [];
  for (let cur = e, i = 0; cur && typeof cur === 'object' && i < 5; i++) {
    const o = cur as { name?: unknown; inner?: unknown; cause?: unknown };
    if (typeof o.name === 'string') out.push(o.name);
    cur = o.inner ?? o.cause;
  }
  return out;
}

/** Any failure → StoreError with a code; StoreErrors pass through. */
export function toStoreError(e: unknown): StoreError {
  if (e instanceof StoreError) return e;
  const n = names(e);
  const detail = e instanceof Error ? e.message : String(e);
  if (n.includes('QuotaExceededError')) return new StoreError('quota', undefined, e);
  if (n.some((x) => x === 'DatabaseClosedError' || x === 'InvalidStateError' || x === 'VersionChangeError')) return new StoreError('closed', undefined, e);
  if (n.some((x) => x === 'ConstraintError' || x === 'DataError' || x === 'DataCloneError')) return new StoreError('invalid', `${MESSAGES.invalid} (${detail})`, e);
  return new StoreError('unknown', `${MESSAGES.unknown} (${detail})`, e);
}

/**
 * Runs fn and rethrows its failure as a StoreError. Not an async function on purpose: an extra
 * native await around a Dexie transaction loses Dexie's zone inside liveQuery (the side panel's
 * reading view and counts are useLiveQuery reads), and the transaction then commits too early.
 */
export function guard<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return fn().catch((e: unknown) => {
      throw toStoreError(e);
    });
  } catch (e) {
    return Promise.reject(toStoreError(e));
  }
}
