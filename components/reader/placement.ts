// Where each removed item is shown when the user asks to see what the cleaner took out:
// a duplicate goes under the article that holds the text it repeats; everything else
// (masthead, page headers, markers, furniture) goes to the page-level list.
import type { Article, Removed } from '../../lib/types';
export { articleSignature } from '../../lib/signature';

export interface RemovedPlacement {
  /** Removed items per article index. */
  byArticle: Map<number, { item: Removed; index: number }[]>;
  /** Items that belong to no article. */
  page: { item: Removed; index: number }[];
}

const key = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');

export function placeRemoved(articles: Article[], removed: Removed[]): RemovedPlacement {
  const texts = articles.map((a) => key([a.kicker, a.title, a.subtitle, ...a.body.map((b) => b.text)].filter(Boolean).join('')));
  const byArticle = new Map<number, { item: Removed; index: number }[]>();
  const page: { item: Removed; index: number }[] = [];
  removed.forEach((item, index) => {
    let target = -1;
    if (item.reason === 'duplicate' || item.detail === 'stutter' || item.detail === 'echo') {
      const probe = key(item.duplicateOf ?? item.text).slice(0, 40);
      if (probe) target = texts.findIndex((t) => t.includes(probe));
    }
    if (target < 0) page.push({ item, index });
    else byArticle.set(target, [...(byArticle.get(target) ?? []), { item, index }]);
  });
  return { byArticle, page };
}
