// @vitest-environment jsdom
// useLiveRead, the side panel lists' reads: the latest answer for the latest deps, read again when the
// clips change, one read at a time.
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useLiveRead, type OnChange } from '../../../components/sidepanel/useLiveWindow';

afterEach(() => cleanup());

/** A read whose answers the test gives by hand, in any order. */
function manualReads() {
  const calls: { ask: string; answer(v: string): void }[] = [];
  const read = (ask: string) => () => new Promise<string>((resolve) => calls.push({ ask, answer: resolve }));
  return { calls, read };
}

/** A change source the test fires. */
function changeSource() {
  const listeners = new Set<() => void>();
  const changes: OnChange = (l) => {
    listeners.add(l);
    return () => listeners.delete(l);
  };
  return { changes, fire: () => listeners.forEach((l) => l()), listeners };
}

function Probe({ ask, read, changes }: { ask: string; read: (ask: string) => () => Promise<string>; changes?: OnChange }) {
  const value = useLiveRead(read(ask), [ask], changes);
  return <p data-testid="value">{value ?? '…'}</p>;
}

const shown = () => screen.getByTestId('value').textContent;

describe('useLiveRead', () => {
  it('starts the read in the render that asks, and drops an older ask\'s answer that comes late', async () => {
    const { calls, read } = manualReads();
    const { rerender } = render(<Probe ask="a" read={read} />);
    expect(calls.map((c) => c.ask)).toEqual(['a']); // no timer between the render and the read
    rerender(<Probe ask="b" read={read} />);
    expect(calls.map((c) => c.ask)).toEqual(['a', 'b']);
    await act(async () => calls[1]!.answer('B'));
    expect(shown()).toBe('B');
    await act(async () => calls[0]!.answer('A'));
    expect(shown()).toBe('B');
  });

  it('keeps the previous answer until the new one arrives', async () => {
    const { calls, read } = manualReads();
    const { rerender } = render(<Probe ask="a" read={read} />);
    await act(async () => calls[0]!.answer('A'));
    rerender(<Probe ask="b" read={read} />);
    expect(shown()).toBe('A');
    await act(async () => calls[1]!.answer('B'));
    expect(shown()).toBe('B');
  });

  it('reads again on a change, and changes during a read make one more read after it', async () => {
    const { calls, read } = manualReads();
    const { changes, fire } = changeSource();
    render(<Probe ask="a" read={read} changes={changes} />);
    await act(async () => calls[0]!.answer('A1'));
    act(() => fire());
    expect(calls).toHaveLength(2); // idle: read at once
    act(() => {
      fire();
      fire();
      fire();
    });
    expect(calls).toHaveLength(2); // busy: no read piles up
    await act(async () => calls[1]!.answer('A2'));
    expect(shown()).toBe('A2');
    expect(calls).toHaveLength(3); // one read for the three changes
    await act(async () => calls[2]!.answer('A3'));
    expect(shown()).toBe('A3');
    expect(calls).toHaveLength(3);
  });

  it('a failed read leaves the last answer and still honours a change that came meanwhile', async () => {
    const { changes, fire } = changeSource();
    const answers: (() => Promise<string>)[] = [() => Promise.resolve('ok'), () => Promise.reject(new Error('closing')), () => Promise.resolve('again')];
    let n = 0;
    const read = () => () => answers[n++]!();
    render(<Probe ask="a" read={read} changes={changes} />);
    await act(async () => {});
    expect(shown()).toBe('ok');
    await act(async () => {
      fire(); // reads, and fails
      fire(); // comes while that read runs
    });
    expect(n).toBe(3);
    expect(shown()).toBe('again');
  });

  it('unsubscribes and ignores answers once unmounted', async () => {
    const { calls, read } = manualReads();
    const { changes, listeners } = changeSource();
    const { unmount } = render(<Probe ask="a" read={read} changes={changes} />);
    expect(listeners.size).toBe(1);
    unmount();
    expect(listeners.size).toBe(0);
    await act(async () => calls[0]!.answer('late')); // no update of an unmounted component
    expect(calls).toHaveLength(1);
  });
});
