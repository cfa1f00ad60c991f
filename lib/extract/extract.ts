// The browser-safe entry of lib/extract: the content script imports detect/extract/fetchLayoutArticles
// from here. Nothing reachable from this file imports linkedom (that is ./parse-html.ts, Node only).
export { extract } from './read-page';
export { detect } from './detect';
export { decodeHtml } from './decode';
export { fetchLayoutArticles, type FetchLayoutOptions, type FetchLayoutResult } from './fetch-layout';
export { PROFILES } from './registry';
