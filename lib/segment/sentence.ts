// Does a paragraph stop mid-sentence in a way that the next block should finish? (join, context)
import type { Item } from './item';
import { RULES, type Lang } from './rules';
import { endsContinuing, endsMidSentence } from './text';

/** A block shorter than this that simply stops (no ，、) is a line of its own, not a broken paragraph. */
export const MIN_BROKEN = 16;

export function wantsMore(it: Item): boolean {
  return !it.continuedOn && endWantsMore(it.text, it.text.length, it.lang);
}

/** wantsMore for a text known by its end (its last characters) and its length (join: a paragraph being joined). */
export function endWantsMore(end: string, length: number, lang: Lang): boolean {
  const r = RULES[lang];
  if (endsContinuing(end, r)) return true;
  return endsMidSentence(end, r) && length >= MIN_BROKEN;
}
