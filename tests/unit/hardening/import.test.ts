// Corrupted and old/new-version import files are refused whole: nothing is written, the DB stays
// consistent, and the message says what is wrong (which field, which record, which version).
// tests/unit/store/transfer.test.ts covers the envelope and one bad record; these are the damaged
// files a user actually ends up with: cut short, hand-edited, from another version, not JSON at all.
import { describe, expect, it } from 'vitest';
import { EXPORT_FORMAT, EXPORT_VERSION, StoreError, type Store } from '../../../lib/store';
import { article, freshStore } from '../store/helpers';
import { binaryText, paragraph } from './inputs';

async function filled(): Promise<{ store: Store; json: string }> {
  const { store } = freshStore();
  await store.saveClips(Array.from({ length: 12 }, (_, i) => article(`第${i}篇导入测试`, [paragraph(i), paragraph(i + 100)], { paper: '测试日报', date: '2024-01-02', tags: ['测试'] })));
  return { store, json: await store.exportJson() };
}

/** Import `data` into a store holding one clip; expect a StoreError 'invalid' matching `message` and nothing changed. */
async function expectRefused(data: unknown, message: RegExp) {
  const { store } = freshStore();
  await store.saveClips([article('原有的剪报', ['原来就在库里的正文。'])]);
  const before = await store.exportJson();
  const err = await store.importAll(data).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(StoreError);
  expect((err as StoreError).code).toBe('invalid');
  expect((err as StoreError).message).toMatch(message);
  expect(JSON.parse(await store.exportJson()).clips).toEqual(JSON.parse(before).clips);
  expect(await store.checkConsistency()).toEqual({ ok: true, problems: [] });
}

describe('import of damaged files', () => {
  it('a file cut short anywhere is refused as not JSON', async () => {
    const { json } = await filled();
    for (const at of [1, 37, Math.floor(json.length / 2), json.length - 2]) await expectRefused(json.slice(0, at), /not JSON/);
  });

  it('binary junk, an empty file, and JSON that is no export say so', async () => {
    await expectRefused(binaryText(5000), /not JSON/);
    await expectRefused('', /not JSON/);
    await expectRefused('[]', /Not an e-paper reader export/);
    await expectRefused('null', /Not an e-paper reader export/);
    await expectRefused('{"clips": []}', /Not an e-paper reader export.*format/s);
  });

  it('an older or newer version, or a version that is not a number, is refused and the message names the version', async () => {
    const { json } = await filled();
    const env = JSON.parse(json) as Record<string, unknown>;
    expect(env.version).toBe(EXPORT_VERSION);
    for (const version of [0, EXPORT_VERSION + 1, 99, '1', null, 1.5]) await expectRefused({ ...env, version }, /version/);
    const { version: _v, ...noVersion } = env;
    await expectRefused(noVersion, /version/);
    await expectRefused({ ...env, format: 'some-other-app-clips' }, /format/);
    await expectRefused({ ...env, format: EXPORT_FORMAT, clips: 'not a list' }, /clips/);
  });

  it('one corrupted record anywhere in the file: nothing imported, the record and field named', async () => {
    const { json } = await filled();
    const corruptions: [string, (c: Record<string, unknown>) => unknown, RegExp][] = [
      ['body not a list', (c) => ({ ...c, body: 'text' }), /body/],
      ['paragraph without text', (c) => ({ ...c, body: [{ type: 'paragraph' }] }), /body/],
      ['unknown kind', (c) => ({ ...c, kind: 'poem' }), /kind/],
      ['date in another form', (c) => ({ ...c, date: '2024/01/02' }), /date/],
      ['negative time', (c) => ({ ...c, savedAt: -5 }), /savedAt/],
      ['empty id', (c) => ({ ...c, id: '' }), /id/],
      ['null record', () => null, /#\d+/],
    ];
    for (const [, corrupt, field] of corruptions) {
      for (const index of [0, 5, 11]) {
        const env = JSON.parse(json) as { clips: Record<string, unknown>[] };
        env.clips[index] = corrupt(env.clips[index]!) as Record<string, unknown>;
        await expectRefused(env, new RegExp(`Nothing was imported: 1 invalid record\\(s\\)\\.\\n#${index}: .*`));
        await expectRefused(env, field);
      }
    }
  });

  it('the intact file still imports everything (the refusals above are about the damage, not the file)', async () => {
    const { json } = await filled();
    const { store } = freshStore();
    const report = await store.importAll(json);
    expect(report).toEqual({ added: 12, updated: 0, skipped: [] });
    expect(await store.checkConsistency()).toEqual({ ok: true, problems: [] });
  });
});
