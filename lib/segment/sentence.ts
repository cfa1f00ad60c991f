// Does a paragraph stop mid-sentence in a way that the next block should finish? (join, context)
import type { Item } from './item';
import { RULES } from './rules';
import { endsContinuing, endsMidSentence } from './text';

/** A block shorter than this that simply stops (no ，、) is a line of its own, not a broken paragraph. */
export const MIN_BROKEN = 16;

/**
 * `end` and `length`: the item's text known by its end (its last characters) and its length, for a
 * paragraph being joined whose text is not built yet (join's PieceJoiner).
 */
export function wantsMore(it: Item, end = it.text, length = it.text.length): boolean {
  if (it.continuedOn) return false;
  const r = RULES[it.lang];
  if (endsContinuing(end, r)) return true;
  return endsMidSentence(end, r) && length >= MIN_BROKEN;
}
