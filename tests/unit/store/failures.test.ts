// Write failures: a QuotaExceededError in the middle of a transaction surfaces as StoreError
// 'quota' and leaves the database exactly as it was (clips and index).
import type { DBCore, DBCoreMutateRequest, DBCoreTable } from 'dexie';
import { describe, expect, it } from 'vitest';
import { StoreError, toStoreError } from '../../../lib/store';
import { article, freshStore } from './helpers';

/** Makes writes to `table` fail with QuotaExceededError while `state.failing` is set. */
function quotaOn(db: ReturnType<typeof freshStore>['db'], table: string, state: { failing: boolean; calls: number }) {
  db.use({
    stack: 'dbcore',
    name: `quota-${table}`,
    create(down: DBCore): DBCore {
      return {
        ...down,
        table(name: string): DBCoreTable {
          const t = down.table(name);
          if (name !== table) return t;
          return {
            ...t,
            mutate(req: DBCoreMutateRequest) {
              state.calls++;
              if (state.failing) return Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
              return t.mutate(req);
            },
          };
        },
      };
    },
  });
}

const snapshot = async (env: ReturnType<typeof freshStore>) => ({
  clips: JSON.stringify((await env.store.exportAll()).clips),
  pending: await env.db.pending.count(),
  segs: await env.db.segs.count(),
  postings: await env.db.postings.count(),
  meta: JSON.stringify(await env.db.meta.toArray()),
});

describe('quota failure mid-transaction', () => {
  it('single save: StoreError quota, nothing written, DB consistent, later saves work', async () => {
    const env = freshStore();
    const state = { failing: false, calls: 0 };
    quotaOn(env.db, 'pending', state);
    await env.store.saveClips([article('第一篇', ['已经保存的正文。'])]);
    const before = await snapshot(env);
    state.failing = true;
    const err = await env.store.saveClips([article('第二篇', ['会失败的正文。'])]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect((err as StoreError).code).toBe('quota');
    expect((err as StoreError).message).toMatch(/storage space/);
    expect(state.calls).toBeGreaterThan(1);
    expect(await snapshot(env)).toEqual(before);
    expect((await env.store.checkConsistency()).problems).toEqual([]);
    state.failing = false;
    await env.store.saveClips([article('第二篇', ['会失败的正文。'])]);
    expect((await env.store.search('正文')).total).toBe(2);
  });

  it('bulk save and import hitting quota while writing postings: all-or-nothing', async () => {
    const env = freshStore();
    const state = { failing: false, calls: 0 };
    quotaOn(env.db, 'postings', state);
    await env.store.saveClips([article('第一篇', ['已经保存的正文。'])]);
    const before = await snapshot(env);
    state.failing = true;
    const many = Array.from({ length: 80 }, (_, i) => article(`批量${i}`, [`第${i}篇批量正文。`]));
    await expect(env.store.saveClips(many)).rejects.toMatchObject({ code: 'quota' });
    expect(await snapshot(env)).toEqual(before);

    const source = freshStore();
    await source.store.saveClips(many);
    await expect(env.store.importAll(await source.store.exportAll())).rejects.toMatchObject({ code: 'quota' });
    expect(await snapshot(env)).toEqual(before);
    expect((await env.store.checkConsistency()).problems).toEqual([]);
  });
});

describe('error mapping', () => {
  it('maps failures to codes', () => {
    expect(toStoreError(new DOMException('x', 'QuotaExceededError')).code).toBe('quota');
    expect(toStoreError(Object.assign(new Error('closed'), { name: 'DatabaseClosedError' })).code).toBe('closed');
    expect(toStoreError(Object.assign(new Error('c'), { name: 'ConstraintError' })).code).toBe('invalid');
    expect(toStoreError(new Error('boom')).code).toBe('unknown');
    const e = new StoreError('quota');
    expect(toStoreError(e)).toBe(e);
  });

  it('a closed database reports closed', async () => {
    const env = freshStore();
    await env.store.saveClips([article('一篇', ['正文。'])]);
    env.db.close();
    await expect(env.store.saveClips([article('两篇', ['正文。'])])).rejects.toMatchObject({ code: 'closed' });
  });
});
