// Article page + profile → blocks: kicker/title/subtitle/byline from the heading selectors, the body
// containers walked in DOM order, captions (table#newspic, .pci_c) as caption blocks where they stand.
import type { Block, BlockHint } from '../types';
import type { Profile } from './profile';
import { blocksFromElement, lineText } from './dom-blocks';
import { readText, type MetaContext } from './meta';
import { queryAll } from './query';

type Role = 'title' | 'kicker' | 'subtitle' | 'byline' | 'body' | 'caption';

interface Item {
  el: Element;
  role: Role;
}

/** Elements under any of the selectors, in document order, without duplicates. */
function matches(doc: Document, selectors: string[] | undefined): Element[] {
  const out: Element[] = [];
  for (const s of selectors ?? []) for (const el of queryAll(doc, s)) if (!out.includes(el)) out.push(el);
  return out;
}

function contains(a: Element, b: Element): boolean {
  return a !== b && a.contains(b);
}

/** Only the outermost of a set of elements. */
function outermost(els: Element[]): Element[] {
  return els.filter((el) => !els.some((other) => contains(other, el)));
}

export function readArticle(p: Profile, ctx: MetaContext): Block[] {
  const { doc } = ctx;
  const order = new Map<Element, number>();
  queryAll(doc, '*').forEach((el, i) => order.set(el, i));
  const pos = (el: Element) => order.get(el) ?? -1;
  const h = p.headings;
  const usable = (el: Element) => {
    const t = lineText(el);
    return t !== '' && !(h.skip && h.skip.test(t));
  };

  const title = matches(doc, h.title).find(usable);
  const bodySel = p.body.find((s) => queryAll(doc, s).some((el) => lineText(el) !== ''));
  const bodies = bodySel ? outermost(queryAll(doc, bodySel)) : [];
  const bodyStart = bodies.length ? Math.min(...bodies.map(pos)) : Infinity;
  const inBody = (el: Element) => bodies.some((b) => b === el || b.contains(el));

  const items: Item[] = [];
  if (title) items.push({ el: title, role: 'title' });
  const tpos = title ? pos(title) : -1;
  for (const el of matches(doc, h.kicker))
    if (title && pos(el) < tpos && !el.contains(title) && !inBody(el) && usable(el)) items.push({ el, role: 'kicker' });
  for (const el of matches(doc, h.subtitle))
    if (title && pos(el) > tpos && pos(el) < bodyStart && !inBody(el) && !items.some((i) => i.el === el) && usable(el))
      items.push({ el, role: 'subtitle' });
  for (const el of matches(doc, h.byline)) if (!inBody(el) && usable(el)) items.push({ el, role: 'byline' });
  const headingEls = new Set(items.map((i) => i.el));
  const captions = outermost(matches(doc, p.caption));
  for (const el of captions) if (!inBody(el) && ![...headingEls].some((hEl) => hEl.contains(el))) items.push({ el, role: 'caption' });
  for (const el of bodies) items.push({ el, role: 'body' });
  items.sort((a, b) => pos(a.el) - pos(b.el));

  const skipped = new Set(matches(doc, p.skip));
  const captionSet = new Set(captions);
  const roleOf = (el: Element) => (headingEls.has(el) || skipped.has(el) ? 'skip' : captionSet.has(el) ? 'caption' : undefined);

  const blocks: Block[] = [];
  for (const item of items) {
    if (item.role === 'body') blocks.push(...blocksFromElement(item.el, { roleOf }));
    else if (item.role === 'caption') blocks.push(...blocksFromElement(item.el, { hint: 'caption', roleOf }));
    else blocks.push({ text: lineText(item.el), hint: item.role as BlockHint });
  }

  // Headings the page does not show but its metadata names (enpproperty title/introtitle/subtitle).
  const has = (hint: BlockHint) => blocks.some((b) => b.hint === hint);
  const head: Block[] = [];
  const fallback = (hint: BlockHint, sources: typeof p.meta.title) => {
    if (has(hint)) return;
    const text = readText(sources, ctx);
    if (text) head.push({ text, hint });
  };
  if (!has('title')) {
    fallback('kicker', p.meta.kicker);
    fallback('title', p.meta.title);
    fallback('subtitle', p.meta.subtitle);
    return [...head, ...blocks];
  }
  return blocks;
}
