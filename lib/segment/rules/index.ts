// Picks a language table for a block: Chinese when Han characters make up a real share of its letters.
import { en } from './en';
import type { LanguageRules } from './types';
import { zh } from './zh';

export type Lang = 'zh' | 'en';
export const RULES: Record<Lang, LanguageRules> = { zh, en };
export type { LanguageRules };

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/g;
const LATIN = /[A-Za-z]/g;

/** 'zh' when at least a fifth of the block's letters are Han characters. */
export function detectLang(text: string): Lang {
  const sample = text.length > 2000 ? text.slice(0, 2000) : text;
  const han = sample.match(HAN)?.length ?? 0;
  if (han === 0) return 'en';
  const latin = sample.match(LATIN)?.length ?? 0;
  return han * 5 >= latin ? 'zh' : 'en';
}
