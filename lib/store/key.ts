// Dedupe keys of a clip: any shared key means "the same article", saved again → one clip.
import { fold } from './fold';
import type { ClipInput } from './types';

type KeySource = Pick<ClipInput, 'url' | 'paper' | 'date' | 'title' | 'body' | 'kicker'>;

/** Letters and digits of the folded text only: punctuation, spacing and 繁/简 do not make a new clip. */
function essence(text: string): string {
  return fold(text).replace(/[^\p{L}\p{N}]/gu, '');
}

/** 53-bit FNV-1a style hash as base36 (two 32-bit lanes), stable across runs and engines. */
export function hashText(s: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
  }
  return ((h1 >>> 0) * 0x200000 + ((h2 >>> 0) & 0x1fffff)).toString(36);
}

/**
 * Every dedupe key of an article: URL + title, paper + date + title, and the normalised text
 * (title and body). A key part that is missing is skipped, so an article without a URL still
 * dedupes by paper/date/title or by its text.
 */
export function clipKeysOf(input: KeySource): string[] {
  const keys: string[] = [];
  const title = essence(input.title);
  if (input.url && title) keys.push(`u:${input.url.trim()}|${title}`);
  if (input.paper && input.date && title) keys.push(`p:${essence(input.paper)}|${input.date}|${title}`);
  const text = essence([input.kicker ?? '', input.title, ...input.body.map((b) => b.text)].join('\n'));
  if (text) keys.push(`t:${hashText(text)}:${text.length}`);
  return keys;
}

/** The clip's main dedupe key (the first of clipKeysOf; "t:" text key when nothing else is known). */
export function clipKeyOf(input: KeySource): string {
  return clipKeysOf(input)[0] ?? 't:empty';
}
