// Item[] → Item[]: a credit line (本报记者 曹继炜摄) makes the block printed right above it a caption
// with that credit; a credit with no text above it is a caption of its own.
import { copyItem, type Item } from '../item';

const TAKES_CREDIT = new Set(['paragraph', 'heading', 'caption']);

export function credits(items: Item[]): Item[] {
  const out: Item[] = [];
  for (const it of items) {
    const prev = out[out.length - 1];
    if (it.kind !== 'credit') {
      out.push(it);
    } else if (prev && !prev.credit && !prev.dateline && TAKES_CREDIT.has(prev.kind)) {
      const caption = copyItem(prev);
      caption.kind = 'caption';
      caption.credit = it.credit;
      out[out.length - 1] = caption;
    } else {
      const caption = copyItem(it);
      caption.kind = 'caption';
      caption.text = '';
      out.push(caption);
    }
  }
  return out;
}
