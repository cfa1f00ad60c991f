// Working → Working: masthead, page headers, editorial lines and continuation markers are taken out
// (reason boilerplate/marker); a 下转 marker tells the article above it where it goes on; markers
// printed at a paragraph's end or start are cut off and reported.
import type { Item, Working } from '../item';
import { RULES } from '../rules';

export function furniture(w: Working): Working {
  const extras = [...w.extras];
  const items: Item[] = [];
  for (const src of w.items) {
    const it = { ...src };
    if (it.removed) {
      items.push(it);
      continue;
    }
    if (it.kind === 'boilerplate') {
      it.removed = { reason: 'boilerplate', detail: it.furniture ?? 'furniture' };
    } else if (it.kind === 'marker') {
      it.removed = { reason: 'marker', detail: 'continuation' };
      if (it.continuedOn) {
        const before = lastBody(items);
        if (before) before.continuedOn = it.continuedOn;
      }
    } else if (it.kind === 'paragraph' || it.kind === 'notice') {
      const r = RULES[it.lang];
      const tail = r.trailingMarker.exec(it.text);
      if (tail && tail.index > 0) {
        const page = tail.groups?.to ?? tail.groups?.to2;
        extras.push({ text: tail[0].trim(), reason: 'marker', detail: 'continuation', source: it.source });
        it.text = it.text.slice(0, tail.index).trimEnd();
        if (page) it.continuedOn = it.lang === 'zh' ? `第${page}版` : `page ${page}`;
      }
      const lead = r.leadingMarker.exec(it.text);
      if (lead && lead[0].length < it.text.length) {
        extras.push({ text: lead[0].trim(), reason: 'marker', detail: 'continuation', source: it.source });
        it.text = it.text.slice(lead[0].length);
      }
    }
    items.push(it);
  }
  return { items, extras };
}

function lastBody(items: Item[]): Item | undefined {
  for (let i = items.length - 1; i >= 0; i--) {
    const it = items[i]!;
    if (it.removed || it.kind === 'caption') continue;
    return it.kind === 'paragraph' ? it : undefined;
  }
  return undefined;
}
