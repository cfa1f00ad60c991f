// A clip → the label of its group in the grouped list ("人民日报 · 2024-08-19"); neighbours with the same
// label share one header.
import type { Clip } from '../../lib/store/types';

export function groupLabel(clip: Pick<Clip, 'paper' | 'date'>, unknown: string): string {
  return [clip.paper, clip.date].filter(Boolean).join(' · ') || unknown;
}

/** "人民日报 · 2024-08-19 · A01 头版": where a clip was printed, for the list and the reading view. */
export function whereLine(clip: Pick<Clip, 'paper' | 'date' | 'page'>): string {
  return [clip.paper, clip.date, clip.page].filter(Boolean).join(' · ');
}
