// A value that follows `value` with a leading edge and a trailing debounce: the first change after a quiet
// spell passes at once (a single keystroke shows results without waiting), changes inside a typing burst
// collapse into one trailing update `ms` after the last one.
import { useEffect, useRef, useState } from 'react';

export function useDebouncedValue<T>(value: T, ms: number): T {
  const [out, setOut] = useState(value);
  const lastChange = useRef(0);
  useEffect(() => {
    const now = Date.now();
    const quiet = now - lastChange.current >= ms;
    lastChange.current = now;
    const timer = setTimeout(() => setOut(value), quiet ? 0 : ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return out;
}
