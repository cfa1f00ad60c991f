// Text + mark offsets → plain/marked pieces in order (overlapping or out-of-range marks are merged/clamped),
// so highlights render as text nodes and <mark> elements, never as an HTML string.
export interface Piece {
  text: string;
  mark: boolean;
}

export function splitMarks(text: string, marks: readonly { start: number; end: number }[]): Piece[] {
  const spans = marks
    .map((m) => ({ start: Math.max(0, Math.min(text.length, m.start)), end: Math.max(0, Math.min(text.length, m.end)) }))
    .filter((m) => m.end > m.start)
    .sort((a, b) => a.start - b.start);
  const merged: { start: number; end: number }[] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ ...s });
  }
  const out: Piece[] = [];
  let at = 0;
  for (const m of merged) {
    if (m.start > at) out.push({ text: text.slice(at, m.start), mark: false });
    out.push({ text: text.slice(m.start, m.end), mark: true });
    at = m.end;
  }
  if (at < text.length || out.length === 0) out.push({ text: text.slice(at), mark: false });
  return out;
}
