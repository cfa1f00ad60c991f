// What one injection of the reader script does: decide (toggle / clean / save selection), read
// and clean the page, and mount or remove the overlay. Kept out of the entrypoint so it can be
// unit-tested with a fake mount and a fake api.
import { cleanBlocks, cleanText } from '../../lib/segment';
import { extract, fetchLayoutArticles } from '../../lib/extract/extract';
import { MessageTimeoutError, saveDeadlineMs, sendMessage, withDeadline, type Outcome, type ReaderCommand } from '../../lib/messages';
import type { ClipInput, SaveResult } from '../../lib/store/types';
import type { CleanPage } from '../../lib/types';
import type { ReaderApi } from './ReaderApp';

interface ReaderWindow {
  /** Set by the background right before it injects the script. */
  __erCommand?: ReaderCommand;
  /** True while the overlay is open (survives re-injection: same isolated world). */
  __erOpen?: boolean;
  /** Removes the current overlay, if any. */
  __erRemove?: () => void;
}

export interface RunDeps {
  mount(page: CleanPage, api: ReaderApi, onClose: () => void): Promise<() => void>;
  api?: ReaderApi;
  win?: Window;
  doc?: Document;
}

/** Shown when the background does not answer a save in time (e.g. its service worker hangs or was stopped). */
export const SAVE_TIMEOUT_MESSAGE = 'The extension did not answer in time, so the articles may not be saved';
/** Shown when the message channel breaks during a save (the service worker was stopped mid-save). */
export const SAVE_INTERRUPTED_MESSAGE = 'The extension stopped before it confirmed the save, so the articles may not be saved';

/** Send a save to the background; a broken or unanswered message becomes an error outcome (saving again is safe: clips dedupe). */
export async function sendSave(inputs: ClipInput[], send: (inputs: ClipInput[]) => Promise<Outcome<SaveResult>>): Promise<Outcome<SaveResult>> {
  try {
    return await withDeadline(send(inputs), saveDeadlineMs(inputs.length), SAVE_TIMEOUT_MESSAGE);
  } catch (e) {
    if (e instanceof MessageTimeoutError) return { ok: false, error: { code: 'timeout', message: e.message } };
    console.warn('[epaper-reader] save message failed', e);
    return { ok: false, error: { code: 'interrupted', message: SAVE_INTERRUPTED_MESSAGE } };
  }
}

export const messageApi: ReaderApi = {
  save: (inputs) => sendSave(inputs, (i) => sendMessage('saveClips', { inputs: i })),
  savedOnPage: (url) => sendMessage('savedOnPage', { url }),
  openClippings: () => sendMessage('openClippings', undefined),
  clipLinks: (links, { signal, onProgress }) =>
    fetchLayoutArticles(links, { signal, concurrency: 2, clean: cleanBlocks, onProgress: (done, total) => onProgress(done, total) }),
};

/** Read the page and clean it; a page with nothing readable gives an empty CleanPage, never a throw. */
export function cleanDocument(doc: Document, url: string): CleanPage {
  try {
    const source = extract(doc, url);
    return cleanBlocks({ ...source, url: source.url ?? url });
  } catch (e) {
    console.warn('[epaper-reader] extract failed, falling back to page text', e);
    const page = cleanText(doc.body?.innerText ?? doc.body?.textContent ?? '');
    page.source.url = url;
    return page;
  }
}

export async function runReader(deps: RunDeps): Promise<{ action: string; page?: CleanPage }> {
  const win = (deps.win ?? window) as Window & ReaderWindow;
  const doc = deps.doc ?? document;
  const api = deps.api ?? messageApi;
  const command = win.__erCommand ?? 'toggle';
  win.__erCommand = undefined;
  const wasOpen = win.__erOpen === true;
  win.__erRemove?.();
  win.__erRemove = undefined;
  win.__erOpen = false;

  if (command === 'save-selection') {
    const text = win.getSelection?.()?.toString() ?? '';
    if (!text.trim()) return { action: 'empty-selection' };
    const meta = cleanDocument(doc, win.location.href).source;
    const page = cleanText(text);
    const inputs = page.articles.map((a) => ({ ...a, url: win.location.href, paper: meta.paper ?? null, date: meta.date ?? null, page: meta.page ?? null }));
    const res = await api.save(inputs);
    return { action: res.ok ? 'saved-selection' : 'save-failed', page };
  }
  if (command === 'toggle' && wasOpen) return { action: 'closed' };

  const page = cleanDocument(doc, win.location.href);
  const close = () => {
    win.__erRemove?.();
    win.__erRemove = undefined;
    win.__erOpen = false;
  };
  const remove = await deps.mount(page, api, close);
  win.__erRemove = remove;
  win.__erOpen = true;
  return { action: 'opened', page };
}
