// A value and its debounced follower, set from event handlers: the first change after a quiet spell
// passes at once, in the same render (a single keystroke shows results without waiting); changes inside
// a typing burst collapse into one trailing update `ms` after the last one.
import { useCallback, useEffect, useRef, useState } from 'react';

export function useDebouncedState<T>(initial: T, ms: number): [value: T, debounced: T, set: (next: T) => void] {
  const [value, setValue] = useState(initial);
  const [debounced, setDebounced] = useState(initial);
  const lastChange = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const set = useCallback(
    (next: T) => {
      const now = Date.now();
      const quiet = now - lastChange.current >= ms;
      lastChange.current = now;
      setValue(next);
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
      if (quiet) setDebounced(next);
      else timer.current = setTimeout(() => setDebounced(next), ms);
    },
    [ms],
  );
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  return [value, debounced, set];
}
