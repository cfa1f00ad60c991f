// Document (+ URL) → SourcePage. Stages: detect the template → metadata → article blocks or layout
// links; pages no profile claims go to the text-dump reader, then to Readability on a clone.
// Never throws, never mutates `doc`.
import type { Block, SourcePage } from '../types';
import { bestProfile, pageTypeOf } from './detect';
import { readEnpProperty } from './enpproperty';
import { bodyBlocks, readabilityBlocks } from './generic';
import { baseOf, collectLinks } from './links';
import { readDate, readPage, readPaper, type MetaContext } from './meta';
import type { Profile } from './profile';
import { readArticle } from './read-article';
import { GENERIC, TEXT_DUMP } from './registry';
import { blocksFromDump, findTextDump } from './text-dump';

/** Blocks numbered in reading order. */
function numbered(blocks: Block[]): Block[] {
  return blocks.map((b, i) => ({ ...b, source: i }));
}

function pageUrl(doc: Document, url: string | undefined): string | undefined {
  if (url) return url;
  const own = doc.URL;
  return own && /^https?:/i.test(own) ? own : undefined;
}

/** A profile's reading of a page: metadata, then links (layout) or blocks (article). */
function fromProfile(p: Profile, ctx: MetaContext, urlType?: 'article' | 'layout'): SourcePage {
  const pageType = pageTypeOf(p, ctx.doc, urlType);
  const page = readPage(p.meta.page, ctx);
  const out: SourcePage = {
    url: ctx.url,
    paper: readPaper(p.meta.paper, ctx),
    date: readDate(p.meta.date, ctx),
    page,
    template: p.id,
    pageType,
    blocks: [],
  };
  if (pageType === 'layout') {
    const num = page?.split(' ')[0];
    out.links = collectLinks(ctx.doc, p.links, baseOf(ctx.doc, ctx.url), num);
  } else {
    out.blocks = numbered(withGenericBody(readArticle(p, ctx), ctx.doc));
  }
  return out;
}

/**
 * A template page whose body the profile did not find (a variant with other markup): the headings it
 * did find, then the text Readability (or the plain body reader) finds.
 */
function withGenericBody(blocks: Block[], doc: Document): Block[] {
  if (blocks.some((b) => b.hint === 'text' || b.hint === 'heading')) return blocks;
  const read = readabilityBlocks(doc);
  const body = (read.length ? read : bodyBlocks(doc)).filter((b) => b.hint !== 'title');
  return body.length ? [...blocks, ...body] : blocks;
}

/** Read a page into a SourcePage. A page with no readable text gets `blocks: []`. */
export function extract(doc: Document, url?: string): SourcePage {
  const at = pageUrl(doc, url);
  try {
    const enp = readEnpProperty(doc);
    const best = bestProfile(at, doc, enp);
    if (best) return fromProfile(best.profile, { doc, url: at, enp }, best.urlType);
    const dump = findTextDump(doc);
    if (dump) return { url: at, template: TEXT_DUMP, pageType: 'text', blocks: numbered(blocksFromDump(dump)) };
    const read = readabilityBlocks(doc);
    const blocks = numbered(read.length ? read : bodyBlocks(doc));
    return blocks.length ? { url: at, template: GENERIC, pageType: 'article', blocks } : { url: at, template: GENERIC, blocks };
  } catch {
    return { url: at, template: GENERIC, blocks: [] };
  }
}
