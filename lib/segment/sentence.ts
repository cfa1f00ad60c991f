// Does a paragraph stop mid-sentence in a way that the next block should finish? (join, context)
import type { Item } from './item';
import { RULES } from './rules';
import { endsContinuing, endsMidSentence } from './text';

/** A block shorter than this that simply stops (no ，、) is a line of its own, not a broken paragraph. */
export const MIN_BROKEN = 16;

export function wantsMore(it: Item): boolean {
  if (it.continuedOn) return false;
  const r = RULES[it.lang];
  if (endsContinuing(it.text, r)) return true;
  return endsMidSentence(it.text, r) && it.text.length >= MIN_BROKEN;
}
