// Any other page → blocks: Readability on a clone of the document (the page itself is never touched),
// its content element walked like a template body; a title block from Readability's title. When
// Readability finds no article (fragments, short pages), the body's own blocks if it has enough non-link text.
import { Readability } from '@mozilla/readability';
import type { Block } from '../types';
import { blocksFromElement } from './dom-blocks';
import { compact } from './text';

export function readabilityBlocks(doc: Document): Block[] {
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
  if (!body.length) return [];
  const titled = title && !body.slice(0, 3).some((b) => compact(b.text) === compact(title));
  return titled ? [{ text: title, hint: 'title' }, ...body] : body;
}

/** Non-link text needed before a page's body is read without Readability. */
const MIN_BODY_CHARS = 100;

function nonLinkChars(root: Element): number {
  let n = 0;
  const stack: Node[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.nodeType === 3) n += (node as Text).data.replace(/\s+/g, '').length;
    else if (node.nodeType === 1 && !/^(A|SCRIPT|STYLE|NOSCRIPT|TEMPLATE|SELECT|OPTION|TEXTAREA)$/i.test((node as Element).tagName)) {
      const kids = node.childNodes;
      for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
    }
  }
  return n;
}

/** The body's blocks, when it holds enough text that is not links; else none. */
export function bodyBlocks(doc: Document): Block[] {
  const body = doc.body;
  if (!body || nonLinkChars(body) < MIN_BODY_CHARS) return [];
  return blocksFromElement(body, { roleOf: (el) => (/^(NAV|HEADER|FOOTER|ASIDE)$/i.test(el.tagName) ? 'skip' : undefined) });
}
