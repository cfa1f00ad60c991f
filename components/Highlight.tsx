// A string with some ranges marked: React text nodes and <mark> elements built from offsets.
import { splitMarks } from './marks';

export function Highlight({ text, marks, testId }: { text: string; marks: readonly { start: number; end: number }[]; testId?: string }) {
  return (
    <span data-testid={testId}>
      {splitMarks(text, marks).map((p, i) => (p.mark ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}
    </span>
  );
}
