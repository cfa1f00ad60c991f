// The store's own suite, once more in real Chromium: run inside the extension's page against the
// extension's real IndexedDB (not fake-indexeddb).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, type Session } from '../harness/chromium';
import { EXTENSION } from './env';

let session: Session;
beforeAll(async () => {
  session = await launch({ extension: EXTENSION });
});
afterAll(async () => {
  await session?.close();
});

describe('lib/store in real Chromium', () => {
  it('passes the store suite against the extension origin IndexedDB', async () => {
    const kit = await session.openExtensionPage('testkit.html');
    await kit.waitForFunction(() => document.getElementById('status')?.textContent === 'ready');
    const failures = await kit.evaluate(() => (window as unknown as { erRunStoreSuite: () => Promise<string[]> }).erRunStoreSuite());
    expect(failures).toEqual([]);
    // It ran in the extension's origin, on the browser's own IndexedDB.
    expect(await kit.evaluate(() => location.protocol)).toBe('chrome-extension:');
  });
});
