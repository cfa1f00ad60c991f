// Working → Working: paragraphs broken across columns are joined. A paragraph that stops
// mid-sentence (no sentence end after closing quotes/brackets, or a dangling ，、；：) continues in
// the next paragraph, passing over removed text, captions and furniture, never over a title,
// byline, subhead or notice. CJK joins add no space; Latin joins add one or undo a line-break hyphen.
import { copyItem, type Item, type Working } from '../item';
import { wantsMore } from '../sentence';
import { PieceJoiner } from '../text';
const PASSED = new Set(['caption', 'boilerplate', 'marker', 'credit']);

export function join(w: Working): Working {
  const out: Item[] = [];
  // The paragraph taking the next pieces, and its text as it grows.
  let open: Item | null = null;
  let text: PieceJoiner | null = null;
  const close = () => {
    if (open && text) open.text = text.text();
    open = text = null;
  };
  for (const src of w.items) {
    if (src.removed || PASSED.has(src.kind)) {
      out.push(src);
      continue;
    }
    if (open && src.kind === 'paragraph' && !src.dateline) {
      text ??= new PieceJoiner(open.text);
      text.add(src.text);
      if (src.continuedOn) open.continuedOn = src.continuedOn;
      if (!wantsMore(open, text.end, text.length)) close();
      continue;
    }
    close();
    const it = copyItem(src);
    out.push(it);
    open = it.kind === 'paragraph' && wantsMore(it) ? it : null;
  }
  close();
  return { ...w, items: out };
}
