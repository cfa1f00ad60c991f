// The background's side of saving: writes through lib/store (the extension's own IndexedDB) and
// turns every failure into a typed outcome the overlay can show while it keeps the articles.
import type { Outcome } from '../messages';
import { getStore, toStoreError } from '../store';
import type { ClipInput, SaveResult } from '../store/types';
import { articleSignature } from '../signature';

export async function saveFromMessage(inputs: ClipInput[]): Promise<Outcome<SaveResult>> {
  try {
    if (!Array.isArray(inputs) || inputs.length === 0) return { ok: false, error: { code: 'invalid', message: 'nothing to save' } };
    return { ok: true, value: await getStore().saveClips(inputs) };
  } catch (e) {
    const err = toStoreError(e);
    console.error('[epaper-reader] save failed', e);
    return { ok: false, error: { code: err.code, message: err.message } };
  }
}

/** The store's housekeeping (expired trash, unfinished index maintenance); failures are logged, never thrown. */
export async function housekeeping(): Promise<void> {
  try {
    const { purged } = await getStore().housekeeping();
    if (purged) console.info(`[epaper-reader] deleted ${purged} clip(s) kept in the trash for 30 days`);
  } catch (e) {
    console.warn('[epaper-reader] housekeeping failed', e);
  }
}

/** Signatures and count of the live clips saved from this URL. */
export async function savedOnPage(url: string): Promise<Outcome<{ signatures: string[]; count: number }>> {
  try {
    const clips = await getStore().db.clips.where('url').equals(url).toArray();
    const live = clips.filter((c) => c.deletedAt == null);
    return { ok: true, value: { signatures: live.map(articleSignature), count: live.length } };
  } catch (e) {
    const err = toStoreError(e);
    return { ok: false, error: { code: err.code, message: err.message } };
  }
}
