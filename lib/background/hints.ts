// Chrome only: declarativeContent rules that mark the toolbar icon on e-paper pages before any
// click, from the templates' URL patterns, without host permissions. Firefox has no such API.
import { PROFILES } from '../extract/extract';

export async function installEpaperHints(): Promise<boolean> {
  const dc = (globalThis as unknown as { chrome?: { declarativeContent?: typeof chrome.declarativeContent } }).chrome?.declarativeContent;
  if (!dc) return false;
  const imageData = await hintIcon().catch(() => null);
  if (!imageData) return false;
  await new Promise<void>((r) => dc.onPageChanged.removeRules(undefined, () => r()));
  const conditions = epaperUrlPatterns().map((re) => new dc.PageStateMatcher({ pageUrl: { urlMatches: re } }));
  await new Promise<void>((r) =>
    dc.onPageChanged.addRules([{ conditions, actions: [new dc.SetIcon({ imageData: imageData as never })] }], () => r()),
  );
  return true;
}

/** The normal icon with a green dot: "this looks like an e-paper page". */
async function hintIcon(): Promise<Record<string, ImageData>> {
  const out: Record<string, ImageData> = {};
  for (const size of [16, 32]) {
    const blob = await (await fetch(`/icon/${size}.png`)).blob();
    const bmp = await createImageBitmap(blob);
    const canvas = new OffscreenCanvas(size, size);
    const g = canvas.getContext('2d')!;
    g.drawImage(bmp, 0, 0, size, size);
    const r = size * 0.22;
    g.beginPath();
    g.arc(size - r - 0.5, size - r - 0.5, r, 0, Math.PI * 2);
    g.fillStyle = '#1f9d55';
    g.fill();
    g.lineWidth = Math.max(1, size / 16);
    g.strokeStyle = '#ffffff';
    g.stroke();
    out[String(size)] = g.getImageData(0, 0, size, size);
  }
  return out;
}

/** The templates' URL patterns as RE2 expressions (declarativeContent's syntax); JS-only constructs are skipped. */
export function epaperUrlPatterns(): string[] {
  const out = new Set<string>();
  for (const p of PROFILES) {
    for (const rule of p.url) {
      const src = rule.re.source;
      if (/\(\?[=!<]|\\[1-9]|\\k</.test(src)) continue;
      out.add((rule.re.flags.includes('i') ? '(?i)' : '') + src.replace(/\\\//g, '/'));
    }
  }
  return [...out];
}
