// UI strings: public/_locales/<lang>/messages.json through browser.i18n, with the same files as a
// fallback where the i18n API is missing (unit tests, plain pages) so every string has one source.
import en from '../public/_locales/en/messages.json';
import zh from '../public/_locales/zh_CN/messages.json';

type Catalog = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
export type MessageKey = keyof typeof en;

function fromCatalog(cat: Catalog, key: string, subs: string[]): string {
  const entry = cat[key];
  if (!entry) return key;
  let msg = entry.message;
  for (const [name, ph] of Object.entries(entry.placeholders ?? {})) {
    const n = Number(ph.content.replace('$', '')) - 1;
    msg = msg.split(`$${name}$`).join(subs[n] ?? '');
  }
  return msg;
}

function uiLanguage(): string {
  try {
    const api = (globalThis as { chrome?: { i18n?: { getUILanguage?: () => string } } }).chrome?.i18n;
    if (api?.getUILanguage) return api.getUILanguage();
  } catch {
    /* not an extension context */
  }
  return globalThis.navigator?.language ?? 'en';
}

/** The user's UI language family: 'zh' or 'en'. */
export function uiLang(): 'zh' | 'en' {
  return /^zh/i.test(uiLanguage()) ? 'zh' : 'en';
}

/** The message for `key` in the UI language, with $1…$9 substitutions. */
export function t(key: MessageKey, ...subs: (string | number)[]): string {
  const s = subs.map(String);
  try {
    const api = (globalThis as { chrome?: { i18n?: { getMessage?: (k: string, s?: string[]) => string } } }).chrome?.i18n;
    const msg = api?.getMessage?.(key, s);
    if (msg) return msg;
  } catch {
    /* fall back below */
  }
  return fromCatalog((uiLang() === 'zh' ? zh : en) as Catalog, key, s);
}
