// Selector helpers that never throw: a selector the DOM implementation cannot parse matches nothing.
import { lineText } from './dom-blocks';

export function queryAll(root: ParentNode, selector: string): Element[] {
  try {
    return Array.from(root.querySelectorAll(selector));
  } catch {
    return [];
  }
}

export function exists(root: ParentNode, selector: string): boolean {
  try {
    return root.querySelector(selector) !== null;
  } catch {
    return false;
  }
}

/** Whether any match of the selector has visible text. */
export function hasText(root: ParentNode, selector: string): boolean {
  return queryAll(root, selector).some((el) => lineText(el) !== '');
}
