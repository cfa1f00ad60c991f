// Picks a language table for a block: Chinese when Han characters make up a real share of its letters.
import { en } from './en';
import type { LanguageRules } from './types';
import { zh } from './zh';

export type Lang = 'zh' | 'en';
export const RULES: Record<Lang, LanguageRules> = { zh, en };
export type { LanguageRules };

/** 'zh' when at least a fifth of the block's letters are Han characters (first 2,000 characters). */
export function detectLang(text: string): Lang {
  const n = Math.min(text.length, 2000);
  let han = 0;
  let latin = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff)) han++;
    else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) latin++;
  }
  if (han === 0) return 'en';
  return han * 5 >= latin ? 'zh' : 'en';
}
