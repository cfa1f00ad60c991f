// Test helpers: fresh databases and small hand-written articles shaped like e-paper clips.
import { ClipDB, createStore, type ClipInput, type StoreOptions } from '../../../lib/store';

let n = 0;
/** A store over a database no other test uses, with a controllable clock and ids. */
export function freshStore(options: StoreOptions & { start?: number } = {}) {
  const name = `store-test-${Date.now()}-${n++}-${Math.random().toString(36).slice(2)}`;
  const db = new ClipDB(name);
  const clock = { t: options.start ?? Date.UTC(2024, 0, 1) };
  let id = 0;
  const store = createStore(db, {
    now: () => clock.t++,
    newId: () => `clip-${String(++id).padStart(4, '0')}`,
    persist: async () => true,
    ...options,
  });
  return { db, store, clock, name };
}

/** An article input; body paragraphs from the given texts. */
export function article(title: string, paragraphs: string[], extra: Partial<ClipInput> = {}): ClipInput {
  return {
    kind: 'article',
    kicker: null,
    title,
    subtitle: null,
    byline: null,
    dateline: null,
    body: paragraphs.map((text) => ({ type: 'paragraph' as const, text })),
    credit: null,
    truncated: false,
    continuedOn: null,
    ...extra,
  };
}
