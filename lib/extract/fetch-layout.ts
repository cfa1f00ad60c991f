// Layout page links → their articles, cleaned: fetch each from the page's own origin (at most 2 at a
// time, cancellable), decode with the declared charset (or what the bytes really are), parse, extract,
// clean; progress after each one. Browser-safe: it parses with DOMParser unless given `parse`.
import type { CleanPage, PageLink, SourcePage } from '../types';
import { decodeHtml } from './decode';
import { extract } from './read-page';

export interface FetchLayoutOptions {
  signal?: AbortSignal;
  /** Parallel fetches, 1 or 2 (default 2; more is clamped to 2 to be gentle with newspaper servers). */
  concurrency?: number;
  fetch?: typeof fetch;
  onProgress?: (done: number, total: number, item: { link: PageLink; page?: SourcePage; error?: string }) => void;
  clean: (page: SourcePage) => CleanPage;
  /** HTML → Document; default `new DOMParser()`. */
  parse?: (html: string) => Document;
  /** The only origin fetched from; default the current page's (`location.origin`), else the first link's. */
  origin?: string;
}

export interface FetchLayoutResult {
  link: PageLink;
  page?: CleanPage;
  error?: string;
}

function defaultParse(html: string): Document {
  if (typeof DOMParser === 'undefined') throw new Error('no HTML parser available');
  return new DOMParser().parseFromString(html, 'text/html');
}

function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

function message(e: unknown): string {
  if (e instanceof Error) return e.name === 'AbortError' ? 'cancelled' : e.message || e.name;
  return String(e);
}

/** Fetch, extract and clean each linked article. Results keep the links' order; never rejects. */
export async function fetchLayoutArticles(links: PageLink[], opts: FetchLayoutOptions): Promise<FetchLayoutResult[]> {
  const doFetch = opts.fetch ?? globalThis.fetch.bind(globalThis);
  const parse = opts.parse ?? defaultParse;
  const origin = opts.origin ?? (globalThis as { location?: Location }).location?.origin ?? (links[0] ? originOf(links[0].url) : undefined);
  const limit = Math.max(1, Math.min(2, Math.floor(opts.concurrency ?? 2)));
  const results: FetchLayoutResult[] = links.map((link) => ({ link }));
  let next = 0;
  let done = 0;

  const one = async (i: number) => {
    const link = links[i]!;
    let page: SourcePage | undefined;
    let error: string | undefined;
    try {
      if (!origin || originOf(link.url) !== origin) throw new Error('refused: not the same origin as the page');
      const res = await doFetch(link.url, { signal: opts.signal, credentials: 'same-origin' });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const bytes = new Uint8Array(await res.arrayBuffer());
      if (opts.signal?.aborted) throw Object.assign(new Error('cancelled'), { name: 'AbortError' });
      page = extract(parse(decodeHtml(bytes, res.headers.get('content-type') ?? undefined)), link.url);
      results[i] = { link, page: opts.clean(page) };
    } catch (e) {
      error = message(e);
      results[i] = { link, error };
    }
    done++;
    opts.onProgress?.(done, links.length, { link, page, error });
  };

  const worker = async () => {
    while (next < links.length) {
      if (opts.signal?.aborted) return;
      await one(next++);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, links.length) }, worker));
  for (const r of results) if (!r.page && !r.error) r.error = 'cancelled';
  return results;
}
