// lib/extract for Node and tests: everything of ./extract.ts plus parseHtml (linkedom). The browser
// bundle must import ./extract.ts instead, which never pulls linkedom in.
import type { PageLink } from '../types';
import { fetchLayoutArticles as fetchWith, type FetchLayoutOptions, type FetchLayoutResult } from './fetch-layout';
import { parseHtml } from './parse-html';

export { detect, extract, decodeHtml, PROFILES } from './extract';
export { parseHtml } from './parse-html';
export { readEnpProperty, parseEnpProperty } from './enpproperty';
export type { Profile, Detection, MetaSource } from './profile';
export type { FetchLayoutOptions, FetchLayoutResult } from './fetch-layout';

/** fetchLayoutArticles that parses with DOMParser when there is one, else with linkedom. */
export function fetchLayoutArticles(links: PageLink[], opts: FetchLayoutOptions): Promise<FetchLayoutResult[]> {
  const parse = opts.parse ?? (typeof DOMParser !== 'undefined' ? undefined : parseHtml);
  return fetchWith(links, { ...opts, parse });
}
