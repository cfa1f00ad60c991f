// How a clip is named where it has no title of its own (captions, some notices): the start of
// its text, so a list of photo captions is not a column of identical "(photo caption)" rows.
import type { Clip } from '../../lib/store/types';

const chars = (s: string) => [...s];

/** The clip's title, else the first `max` characters of its text, else null. */
export function clipLabel(clip: Pick<Clip, 'title' | 'body'>, max = 28): string | null {
  if (clip.title) return clip.title;
  const text = clip.body.map((b) => b.text).join(' ').trim();
  if (!text) return null;
  const c = chars(text);
  return c.length > max ? c.slice(0, max).join('') + '…' : text;
}

/** The start of the body of a titled clip, for its list row when no search snippet is shown. */
export function clipPreview(clip: Pick<Clip, 'title' | 'body'>, max = 90): string | null {
  if (!clip.title) return null; // an untitled clip's text is already its label
  const text = clip.body.map((b) => b.text).join(' ').trim();
  if (!text) return null;
  const c = chars(text);
  return c.length > max ? c.slice(0, max).join('') + '…' : text;
}
