// Working → Working: a misplaced continuation is joined when the evidence is strong. An article whose
// last paragraph ends in a dangling enumeration (…班组、) takes the one paragraph of the same
// article that starts with an enumeration item (社区、站所…) right after a finished sentence.
import { withText, type Item, type Working } from '../item';
import { RULES } from '../rules';
import { endsSentence, joinPieces } from '../text';

const STARTS = new Set(['title', 'kicker', 'notice-head', 'advert']);

export function continuation(w: Working): Working {
  const items = w.items;
  const taken = new Set<Item>();
  const extended = new Map<Item, string>();
  let from = 0;
  for (let i = 0; i <= items.length; i++) {
    const it = items[i];
    if (it && !(STARTS.has(it.kind) && !it.removed)) continue;
    mend(items, from, i, taken, extended);
    from = i;
  }
  if (taken.size === 0) return w;
  const out = items.filter((it) => !taken.has(it)).map((it) => (extended.has(it) ? withText(it, extended.get(it)!) : it));
  return { ...w, items: out };
}

function mend(items: Item[], from: number, to: number, taken: Set<Item>, extended: Map<Item, string>): void {
  const body: Item[] = [];
  for (let k = from; k < to; k++) {
    const it = items[k]!;
    if (!it.removed && it.kind === 'paragraph') body.push(it);
  }
  const last = body[body.length - 1];
  if (!last || body.length < 3) return;
  const r = RULES[last.lang];
  if (!r.orphanStart || !last.text.endsWith('、')) return;
  const orphans = body.slice(1, -1).filter((p, n) => {
    const before = body[n]!;
    return r.orphanStart!.test(p.text) && !r.numbered.test(p.text) && endsSentence(before.text, r) && endsSentence(p.text, r);
  });
  if (orphans.length !== 1) return;
  const orphan = orphans[0]!;
  taken.add(orphan);
  extended.set(last, joinPieces(last.text, orphan.text));
}
