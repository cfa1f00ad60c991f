// Working → Working: identical adjacent enumeration items (热血沸腾、热血沸腾) collapse to one; each
// collapse is reported as a removed duplicate.
import type { Extra, Working } from '../item';
import { RULES } from '../rules';

const CHECKED = new Set(['paragraph', 'title', 'subtitle', 'kicker', 'subhead', 'caption', 'notice']);

export function stutters(w: Working): Working {
  const extras: Extra[] = [...w.extras];
  const items = w.items.map((it) => {
    const re = RULES[it.lang].stutter;
    if (!re || it.removed || !CHECKED.has(it.kind) || !it.text.includes('、')) return it;
    const text = it.text.replace(re, (_whole, item: string) => {
      extras.push({ text: item, reason: 'duplicate', detail: 'stutter', duplicateOf: item, source: it.source });
      return item;
    });
    return text === it.text ? it : { ...it, text };
  });
  return { items, extras };
}
