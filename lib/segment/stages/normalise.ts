// Block[] → Item[]: whitespace/zero-width/NBSP/indent normalised; a block's wrapped lines joined
// (CJK without a space, Latin with one, line-break hyphens undone) except lines that stand alone
// (notice headings, masthead lines, bylines, credits, markers, a leading headline).
import type { Block } from '../../types';
import { copyItem, type Item } from '../item';
import { detectLang, RULES, type LanguageRules } from '../rules';
import { PieceJoiner, tidy } from '../text';

const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;

export function normalise(blocks: Block[]): Item[] {
  const items: Item[] = [];
  const lined = blocks.map((b) => tidyLines(b.text));
  const vocab = hyphenVocabulary(lined);
  blocks.forEach((block, i) => {
    const source = block.source ?? i;
    const lines = lined[i]!;
    if (lines.length === 0) return;
    for (const text of groupLines(lines, vocab)) {
      items.push(copyItem({ text, kind: 'paragraph', lang: detectLang(text), source, hint: block.hint }));
    }
  });
  return items;
}

/**
 * A block's lines, each with whitespace runs made one space and trimmed, zero-width characters
 * gone, empty lines dropped. Most blocks are one line that needs none of it: one pass tells.
 */
function tidyLines(text: string): string[] {
  if (text && isTidy(text)) return [text];
  const unix = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  return unix.replace(ZERO_WIDTH, '').split('\n').map(tidy).filter(Boolean);
}

/** One line already as `tidy` leaves it: no line break, zero-width or special space, no space at an end or next to another. */
function isTidy(text: string): boolean {
  const last = text.length - 1;
  for (let i = 0; i <= last; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20) {
      if (i === 0 || i === last || text.charCodeAt(i + 1) === 0x20) return false;
    } else if (c < 0x20 || c === 0xa0 || c === 0xad || c === 0x85) return false;
    else if (c >= 0x1680 && (c === 0x1680 || (c >= 0x2000 && c <= 0x200d) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x2060 || c === 0x3000 || c === 0xfeff)) return false;
  }
  return true;
}

/** The page's own Latin words, for telling a line-break hyphen from a real one. */
interface Vocabulary {
  /** Words printed with a hyphen inside a line (well-known). */
  hyphenated: Set<string>;
  /** Words printed whole. */
  words: Set<string>;
}

const LINE_END_HYPHEN = /[A-Za-z]-$/;

/** The page's words, when some line ends in a hyphen after a letter (else null: nothing to decide). */
function hyphenVocabulary(lined: string[][]): Vocabulary | null {
  if (!lined.some((lines) => lines.some((l) => LINE_END_HYPHEN.test(l)))) return null;
  const v: Vocabulary = { hyphenated: new Set(), words: new Set() };
  for (const lines of lined) {
    for (const line of lines) {
      for (const m of line.matchAll(/[A-Za-z]+(?:-[A-Za-z]+)*/g)) {
        const w = m[0].toLowerCase();
        (w.includes('-') ? v.hyphenated : v.words).add(w);
      }
    }
  }
  return v;
}

/** A hyphenated word (well-known) the page prints with its hyphen elsewhere and never without. */
function isRealHyphen(word: string, vocab: Vocabulary): boolean {
  return vocab.hyphenated.has(word) && !vocab.words.has(word.replace('-', ''));
}

/** Join wrapped lines; keep standalone lines (furniture, bylines, a leading headline) as their own groups. */
function groupLines(lines: string[], vocab: Vocabulary | null): string[] {
  if (lines.length === 1) return lines;
  const realHyphen = vocab ? (word: string) => isRealHyphen(word, vocab) : undefined;
  const longest = lines.reduce((m, l) => Math.max(m, l.length), 0);
  const groups: string[] = [];
  let current: PieceJoiner | null = null;
  let currentAlone = false;
  for (const [i, line] of lines.entries()) {
    const rules = RULES[detectLang(line)];
    const alone = standsAlone(line, rules) || (i === 0 && leadingHeadline(line, rules, longest));
    const opens = alone || startsDateline(line, rules);
    if (current && (opens || currentAlone)) {
      groups.push(current.text());
      current = null;
    }
    if (current) current.add(line, realHyphen);
    else if (line) current = new PieceJoiner(line);
    currentAlone = alone;
  }
  if (current) groups.push(current.text());
  return groups;
}

function standsAlone(line: string, r: LanguageRules): boolean {
  if (line.length > 60) return false;
  const compact = line.replace(/\s+/g, '');
  return (
    r.noticeHead.test(compact) ||
    r.marker.test(line) ||
    r.byline.test(line) ||
    r.creditOnly.test(line) ||
    r.pageHeader.some((p) => p.test(line)) ||
    r.editor.some((p) => p.test(line)) ||
    r.mastheadStrong.some((p) => p.test(line)) ||
    r.mastheadWeak.some((p) => p.test(line))
  );
}

function startsDateline(line: string, r: LanguageRules): boolean {
  return r.datelines.some((p) => p.test(line));
}

/** A short unpunctuated first line over much longer lines is the block's headline, not a wrap. */
function leadingHeadline(line: string, r: LanguageRules, longest: number): boolean {
  if (line.length > r.maxHeading || line.length > longest * 0.6) return false;
  if (r.notInHeading.test(line) || r.sentenceEnd.test(line) || r.continues.test(line)) return false;
  return r.headingShape ? r.headingShape.test(line) : true;
}
