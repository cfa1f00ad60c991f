// A short stable signature of an article (kind + start of title, else of body), used to tell
// the overlay which of a page's articles are already saved as clips.
import type { Article } from './types';

export function articleSignature(a: Pick<Article, 'title' | 'body' | 'kind'>): string {
  const base = a.title || a.body.map((b) => b.text).join('');
  return `${a.kind}:${base.normalize('NFKC').replace(/\s+/g, '').slice(0, 60)}`;
}
