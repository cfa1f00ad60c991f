// The browser suite must pass on fake-indexeddb too (and so is kept honest between e2e runs).
import { expect, it } from 'vitest';
import * as lib from '../../../lib/store';
import { runStoreSuite } from './browser-suite';

it('runStoreSuite passes on fake-indexeddb', async () => {
  expect(await runStoreSuite(lib)).toEqual([]);
});

it('runStoreSuite reports failures', async () => {
  // A store whose search never finds anything must fail the suite.
  const broken: typeof lib = {
    ...lib,
    createStore: (db, options) => ({ ...lib.createStore(db, options), search: async () => ({ total: 0, hits: [], parsed: { terms: [], phrases: [], excluded: [] } }) }),
  };
  const failures = await runStoreSuite(broken);
  expect(failures.length).toBeGreaterThan(3);
  expect(failures.join('\n')).toMatch(/1-char/);
});
