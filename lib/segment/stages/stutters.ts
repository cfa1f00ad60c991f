// Working → Working: identical adjacent enumeration items (热血沸腾、热血沸腾) collapse to one; each
// collapse is reported as a removed duplicate.
import { withText, type Extra, type Working } from '../item';
import { RULES } from '../rules';

const MAX_PASSES = 4;
const CHECKED = new Set(['paragraph', 'title', 'subtitle', 'kicker', 'subhead', 'caption', 'notice']);

export function stutters(w: Working): Working {
  const extras: Extra[] = [...w.extras];
  const items = w.items.map((it) => {
    const re = RULES[it.lang].stutter;
    if (!re || it.removed || !CHECKED.has(it.kind) || !mayStutter(it.text)) return it;
    let text = it.text;
    // 那个高兴、那个高兴、那个高兴 needs two passes; each pass only shortens the text.
    for (let pass = 0; pass < MAX_PASSES; pass++) {
      const next = text.replace(re, (whole: string, item: string) => {
        for (let n = whole.split('、').length - 1; n > 0; n--) {
          extras.push({ text: item, reason: 'duplicate', detail: 'stutter', duplicateOf: item, source: it.source });
        }
        return item;
      });
      if (next === text) break;
      text = next;
    }
    return text === it.text ? it : withText(it, text);
  });
  return { items, extras };
}

/** Stutter items are 3–8 characters long (rules' `stutter`). */
const MIN_ITEM = 3;
const MAX_ITEM = 8;

/**
 * Cheap necessary check before the stutter rule runs: some 、 has the same 3–8 characters right
 * before and right after it (X、X). Most paragraphs have none, and the rule's backreference is slow.
 */
function mayStutter(text: string): boolean {
  for (let p = text.indexOf('、'); p >= 0; p = text.indexOf('、', p + 1)) {
    for (let k = MIN_ITEM; k <= MAX_ITEM && k <= p; k++) {
      if (p + 1 + k > text.length) break;
      if (text.startsWith(text.slice(p - k, p), p + 1)) return true;
    }
  }
  return false;
}
