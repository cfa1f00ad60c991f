// The one typed channel between the reader content script / side panel and the background.
// Content scripts run in the site's origin, so they never open IndexedDB: they ask the background.
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { ClipInput, SaveResult } from './store/types';

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

export interface ProtocolMap {
  /** Save (or update, when already saved) these articles. */
  saveClips(data: { inputs: ClipInput[] }): Outcome<SaveResult>;
  /** Signatures (components/reader/placement.ts) of the clips already saved from this page URL. */
  savedOnPage(data: { url: string }): Outcome<{ signatures: string[]; count: number }>;
  /** Open the clippings side panel for the sender's tab. */
  openClippings(): Outcome<null>;
  /** The overlay opened or closed (for the action title/badge). */
  overlayState(data: { open: boolean; articles: number }): void;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();

/** What the background asks the reader script to do when it injects it. */
export type ReaderCommand = 'toggle' | 'clean' | 'save-selection';
