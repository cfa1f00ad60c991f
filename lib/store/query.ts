// Query text → parsed items: space-separated terms (ANDed), "quoted phrases", -excluded items.
import { fold } from './fold';
import { queryGrams, type QueryGram } from './tokens';

export interface QueryItem {
  /** As typed (for the UI's help line). */
  raw: string;
  /** Search form (see fold.ts). */
  folded: string;
  grams: QueryGram[];
  phrase: boolean;
}

export interface ParsedQuery {
  include: QueryItem[];
  exclude: QueryItem[];
  parsed: { terms: string[]; phrases: string[]; excluded: string[] };
}

/** ASCII and full-width/curly quotes all open and close a phrase. */
const TOKEN = /(-?)["“”「」]([^"“”「」]*)["“”「」]?|(\S+)/g;

/** Parse a query; items that fold to nothing searchable (lone punctuation) are dropped. */
export function parseQuery(query: string): ParsedQuery {
  const out: ParsedQuery = { include: [], exclude: [], parsed: { terms: [], phrases: [], excluded: [] } };
  const text = query.normalize('NFKC');
  for (const m of text.matchAll(TOKEN)) {
    let raw: string;
    let phrase: boolean;
    let negative: boolean;
    if (m[3] !== undefined) {
      negative = m[3].length > 1 && m[3].startsWith('-');
      raw = negative ? m[3].slice(1) : m[3];
      phrase = false;
    } else {
      negative = m[1] === '-';
      raw = (m[2] ?? '').trim();
      phrase = true;
    }
    const folded = fold(raw);
    const grams = queryGrams(folded);
    if (grams.length === 0) continue;
    const item: QueryItem = { raw, folded, grams, phrase };
    if (negative) {
      out.exclude.push(item);
      out.parsed.excluded.push(raw);
    } else {
      out.include.push(item);
      (phrase ? out.parsed.phrases : out.parsed.terms).push(raw);
    }
  }
  return out;
}
