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
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();

/**
 * How long a sender waits for the background to answer a save of `articles` articles. When the
 * service worker is stopped mid-save, Chromium may never answer the message at all; the deadline
 * turns that into an error the overlay can show with a retry (saving again is safe: clips dedupe).
 */
export const saveDeadlineMs = (articles: number): number => 15_000 + 25 * Math.max(0, articles);

/** A message the background did not answer in time. */
export class MessageTimeoutError extends Error {
  override readonly name = 'MessageTimeoutError';
}

/** `promise`, or a MessageTimeoutError with `message` once `ms` have passed without an answer. */
export function withDeadline<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new MessageTimeoutError(message)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/** What the background asks the reader script to do when it injects it. */
export type ReaderCommand = 'toggle' | 'clean' | 'save-selection';
