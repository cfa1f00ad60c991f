// Schema upgrades: v1 (clips only) → v2 (dedupe keys, seq, live flag, search index).
import { newEpoch, type StoredClip, type Tables } from './db';
import { indexClips, nextCounter } from './indexer';
import { clipKeysOf } from './key';

/** Fills the v2 fields of every v1 clip and indexes them all, inside the upgrade transaction. */
export async function upgradeV1toV2(T: Tables): Promise<void> {
  await T.meta.put({ k: 'epoch', v: newEpoch() });
  const clips = (await T.clips.toArray()) as Partial<StoredClip>[];
  if (clips.length === 0) return;
  const first = await nextCounter(T, 'seq', clips.length);
  const upgraded = clips.map((c, i) => withV2Fields(c, first + i));
  await T.clips.bulkPut(upgraded);
  await indexClips(T, upgraded);
}

/** A v1 record with the fields v2 added (and defaults for any the v1 writer may have left out). */
function withV2Fields(c: Partial<StoredClip>, seq: number): StoredClip {
  const base = {
    kind: c.kind ?? 'article',
    kicker: c.kicker ?? null,
    title: c.title ?? '',
    subtitle: c.subtitle ?? null,
    byline: c.byline ?? null,
    dateline: c.dateline ?? null,
    body: c.body ?? [],
    credit: c.credit ?? null,
    truncated: c.truncated ?? false,
    continuedOn: c.continuedOn ?? null,
    url: c.url ?? null,
    paper: c.paper ?? null,
    date: c.date ?? null,
    page: c.page ?? null,
  };
  const keys = clipKeysOf(base);
  const savedAt = c.savedAt ?? Date.now();
  return {
    ...base,
    id: c.id!,
    savedAt,
    updatedAt: c.updatedAt ?? savedAt,
    tags: c.tags ?? [],
    note: c.note ?? '',
    key: c.key ?? keys[0] ?? 't:empty',
    keys: c.key && !keys.includes(c.key) ? [...keys, c.key] : keys,
    deletedAt: c.deletedAt ?? null,
    seq,
    live: c.deletedAt ? 0 : 1,
  };
}
