// Document → the element holding a text dump (a <pre>, or one container whose own text is nearly all
// the page's text, e.g. a PDF text layer), and that element → blocks split at blank lines.
import type { Block } from '../types';
import { isSkipped, nonSpaceLength, pushChildren } from './dom-blocks';
import { normText } from './text';

const MIN_CHARS = 200;

/** Length of the visible text under an element (iterative, scripts skipped). */
function textLength(root: Element): number {
  let n = 0;
  const stack: Node[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.nodeType === 3) n += nonSpaceLength((node as Text).data);
    else if (node.nodeType === 1 && (node === root || !isSkipped(node as Element))) pushChildren(stack, node);
  }
  return n;
}

/** The element that holds the page as one text dump, if there is one. */
export function findTextDump(doc: Document): Element | null {
  const body = doc.body;
  if (!body) return null;
  const total = textLength(body);
  if (total < MIN_CHARS) return null;
  for (const pre of Array.from(body.querySelectorAll('pre'))) {
    if (textLength(pre) >= total * 0.6) return pre;
  }
  // One element whose direct text nodes carry most of the page's text.
  let best: Element | null = null;
  let bestLen = 0;
  const stack: Element[] = [body];
  while (stack.length) {
    const el = stack.pop()!;
    let own = 0;
    for (let child = el.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) own += nonSpaceLength((child as Text).data);
      else if (child.nodeType === 1 && !isSkipped(child as Element)) stack.push(child as Element);
    }
    if (own > bestLen) {
      best = el;
      bestLen = own;
    }
  }
  return best && bestLen >= MIN_CHARS && bestLen >= total * 0.7 ? best : null;
}

/** The dump's text with line breaks (`<br>`, block ends, newlines) kept. */
function dumpText(root: Element): string {
  let out = '';
  const stack: Array<Node | 'nl'> = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (node === 'nl') {
      out += '\n';
      continue;
    }
    if (node.nodeType === 3) out += (node as Text).data;
    else if (node.nodeType === 1) {
      const el = node as Element;
      if (el !== root && isSkipped(el)) continue;
      if (el.tagName.toUpperCase() === 'BR') {
        out += '\n';
        continue;
      }
      if (el !== root && /^(P|DIV|LI|TR|H[1-6]|PRE|BLOCKQUOTE)$/i.test(el.tagName)) stack.push('nl');
      pushChildren(stack, el);
    }
  }
  return out;
}

/** Plain text → blocks: paragraphs at blank lines; a text without blank lines is one block per line. */
export function blocksFromText(text: string): Block[] {
  const t = text.replace(/\r\n?/g, '\n');
  const parts = /\n[ \t\u00a0\u3000]*\n/.test(t) ? t.split(/\n[ \t\u00a0\u3000]*\n+/) : t.split('\n');
  return parts.map(normText).filter(Boolean).map((text) => ({ text, hint: 'text' as const }));
}

/** A dump element → blocks. */
export function blocksFromDump(el: Element): Block[] {
  return blocksFromText(dumpText(el));
}
