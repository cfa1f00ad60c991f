// Working → Working: masthead, page headers, editorial lines and continuation markers are taken out
// (reason boilerplate/marker); a 下转 marker tells the article above it where it goes on; markers
// printed at a paragraph's end or start are cut off and reported.
import { Draft, type Item, type Working } from '../item';
import { RULES } from '../rules';

export function furniture(w: Working): Working {
  const extras = [...w.extras];
  const draft = new Draft(w.items);
  const items = draft.items;
  items.forEach((src, k) => {
    if (src.removed) return;
    if (src.kind === 'boilerplate') {
      draft.edit(k).removed = { reason: 'boilerplate', detail: src.furniture ?? 'furniture' };
    } else if (src.kind === 'marker') {
      draft.edit(k).removed = { reason: 'marker', detail: 'continuation' };
      if (src.continuedOn) {
        const before = lastBody(items, k);
        if (before >= 0) draft.edit(before).continuedOn = src.continuedOn;
      }
    } else if (src.kind === 'paragraph' || src.kind === 'notice') {
      const r = RULES[src.lang];
      const tail = r.trailingMarker.exec(src.text);
      if (tail && tail.index > 0) {
        const it = draft.edit(k);
        const page = tail.groups?.to ?? tail.groups?.to2;
        extras.push({ text: tail[0].trim(), reason: 'marker', detail: 'continuation', source: it.source });
        it.text = it.text.slice(0, tail.index).trimEnd();
        if (page) it.continuedOn = it.lang === 'zh' ? `第${page}版` : `page ${page}`;
      }
      const text = items[k]!.text;
      const lead = r.leadingMarker.exec(text);
      if (lead && lead[0].length < text.length) {
        const it = draft.edit(k);
        extras.push({ text: lead[0].trim(), reason: 'marker', detail: 'continuation', source: it.source });
        it.text = text.slice(lead[0].length);
      }
    }
  });
  return { ...w, items, extras };
}

/** The paragraph a marker at `at` ends (the last body text before it, passing captions), or -1. */
function lastBody(items: Item[], at: number): number {
  for (let i = at - 1; i >= 0; i--) {
    const it = items[i]!;
    if (it.removed || it.kind === 'caption') continue;
    return it.kind === 'paragraph' ? i : -1;
  }
  return -1;
}
