// Working → Working: paragraphs broken across columns are joined. A paragraph that stops
// mid-sentence (no sentence end after closing quotes/brackets, or a dangling ，、；：) continues in
// the next paragraph, passing over removed text, captions and furniture, never over a title,
// byline, subhead or notice. CJK joins add no space; Latin joins add one or undo a line-break hyphen.
import { copyItem, type Item, type Working } from '../item';
import { wantsMore } from '../sentence';
import { joinPieces } from '../text';
const PASSED = new Set(['caption', 'boilerplate', 'marker', 'credit']);

export function join(w: Working): Working {
  const out: Item[] = [];
  let open: Item | null = null;
  for (const src of w.items) {
    if (src.removed || PASSED.has(src.kind)) {
      out.push(src);
      continue;
    }
    if (open && src.kind === 'paragraph' && !src.dateline) {
      open.text = joinPieces(open.text, src.text);
      if (src.continuedOn) open.continuedOn = src.continuedOn;
      if (!wantsMore(open)) open = null;
      continue;
    }
    const it = copyItem(src);
    out.push(it);
    open = it.kind === 'paragraph' && wantsMore(it) ? it : null;
  }
  return { ...w, items: out };
}
