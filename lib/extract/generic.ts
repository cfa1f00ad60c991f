// Any other page → blocks: Readability on a clone of the document (the page itself is never touched),
// its content element walked like a template body; a title block from Readability's title. When
// Readability finds no article (fragments, short pages), the body's own blocks if it has enough non-link text.
import { Readability } from '@mozilla/readability';
import type { Block } from '../types';
import { blocksFromElement, nonSpaceLength, pushChildren } from './dom-blocks';
import { compact } from './text';

/** Readability's scoring costs about n × depth: deeper or bigger pages go to the plain body reader. */
export const READABILITY_LIMITS = { maxDepth: 150, maxElements: 30_000 };

/** Whether a document is small and shallow enough for Readability (iterative walk, stops early). */
export function readabilityFits(doc: Document): boolean {
  const root = doc.documentElement;
  if (!root) return false;
  let count = 0;
  const stack: Array<[Element, number]> = [[root, 1]];
  while (stack.length) {
    const [el, depth] = stack.pop()!;
    if (depth > READABILITY_LIMITS.maxDepth || ++count > READABILITY_LIMITS.maxElements) return false;
    for (const child of Array.from(el.children)) stack.push([child, depth + 1]);
  }
  return true;
}

export function readabilityBlocks(doc: Document): Block[] {
  if (!readabilityFits(doc)) return [];
  let content: Element | null = null;
  let title = '';
  try {
    const clone = doc.cloneNode(true) as Document;
    const article = new Readability<Element>(clone, { serializer: (n) => n as Element, charThreshold: 200 }).parse();
    content = article?.content ?? null;
    title = (article?.title ?? '').trim();
  } catch {
    return [];
  }
  if (!content) return [];
  const body = blocksFromElement(content, {
    roleOf: (el) => (/^(FIGCAPTION|CAPTION)$/i.test(el.tagName) ? 'caption' : undefined),
  });
  if (body.reduce((n, b) => n + compact(b.text).length, 0) < MIN_ARTICLE_CHARS) return [];
  return withTitle(body, title);
}

/** Text an article found by Readability must have; less is a form, a menu, an error page. */
const MIN_ARTICLE_CHARS = 80;

/** Separators between an article's title and the site's name in a <title>. */
const TITLE_SEPARATORS = /\s+[-_|–—·]\s+|\s*[|｜_]\s*/;

/**
 * Mark the title: one of the first blocks that the page title contains ("新操场" in "新操场 - 某某网") is
 * the title; otherwise the page title, without its site part, goes first.
 */
function withTitle(body: Block[], title: string): Block[] {
  if (!title) return body;
  const t = compact(title);
  const i = body.slice(0, 3).findIndex((b) => compact(b.text).length >= 4 && t.includes(compact(b.text)));
  if (i >= 0) return body.map((b, j) => (j === i ? { ...b, hint: 'title' as const } : b));
  const parts = title.split(TITLE_SEPARATORS).map((x) => x.trim()).filter(Boolean);
  const main = parts.reduce((a, b) => (b.length > a.length ? b : a), '');
  return [{ text: main || title, hint: 'title' }, ...body];
}

/** Non-link text needed before a page's body is read without Readability. */
const MIN_BODY_CHARS = 100;

function nonLinkChars(root: Element): number {
  let n = 0;
  const stack: Node[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.nodeType === 3) n += nonSpaceLength((node as Text).data);
    else if (node.nodeType === 1 && !/^(A|SCRIPT|STYLE|NOSCRIPT|TEMPLATE|SELECT|OPTION|TEXTAREA)$/i.test((node as Element).tagName)) pushChildren(stack, node);
  }
  return n;
}

/** The body's blocks, when it holds enough text that is not links; else none. */
export function bodyBlocks(doc: Document): Block[] {
  const body = doc.body;
  if (!body || nonLinkChars(body) < MIN_BODY_CHARS) return [];
  return blocksFromElement(body, { roleOf: (el) => (/^(NAV|HEADER|FOOTER|ASIDE)$/i.test(el.tagName) ? 'skip' : undefined) });
}
