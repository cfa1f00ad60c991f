// The store suite for a real browser: runStoreSuite(lib) exercises lib/store against the
// IndexedDB of the page it runs in (the e2e suite calls it from the extension's own page) and
// returns the failures as messages ([] = all passed). No test-runner imports: plain checks.
import Dexie from 'dexie';
import type * as StoreLib from '../../../lib/store';
import { encodeDict, splitEntries } from '../../../lib/store/codec';

export type StoreSuiteApi = Pick<typeof StoreLib, 'ClipDB' | 'createStore' | 'SCHEMA_V1' | 'SCHEMA_V2' | 'StoreError' | 'DB_VERSION'>;

type Input = StoreLib.ClipInput;
const article = (title: string, paragraphs: string[], extra: Partial<Input> = {}): Input => ({
  kind: 'article',
  kicker: null,
  title,
  subtitle: null,
  byline: null,
  dateline: null,
  body: paragraphs.map((text) => ({ type: 'paragraph' as const, text })),
  credit: null,
  truncated: false,
  continuedOn: null,
  ...extra,
});

class Check {
  failures: string[] = [];
  constructor(private readonly name: string) {}
  eq(what: string, actual: unknown, expected: unknown) {
    const a = JSON.stringify(actual);
    const e = JSON.stringify(expected);
    if (a !== e) this.failures.push(`${this.name}: ${what}: got ${a}, expected ${e}`);
  }
  ok(what: string, cond: boolean) {
    if (!cond) this.failures.push(`${this.name}: ${what}`);
  }
}

export async function runStoreSuite(api: StoreSuiteApi): Promise<string[]> {
  const failures: string[] = [];
  const prefix = `store-suite-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  let n = 0;
  const opened: Dexie[] = [];
  const fresh = (opts: StoreLib.StoreOptions = {}) => {
    const db = new api.ClipDB(`${prefix}-${n++}`);
    opened.push(db);
    return { db, store: api.createStore(db, { persist: async () => true, ...opts }) };
  };
  const cases: [string, (c: Check) => Promise<void>][] = [
    [
      'segment compaction keeps search exact and drops dead documents',
      async (c) => {
        // Built without compaction (fan never reached), then compacted by a second store over the
        // same database that merges every two adjacent 64-document segments (the shipped policy: eight).
        const { store, db } = fresh({ compaction: { fan: 1000, base: 64, max: 1 << 20 } });
        const batch = (from: number) =>
          Array.from({ length: 64 }, (_, k) => article(`第${from + k}号简报`, [`${'巡查'.repeat(1 + (k % 3))}${k % 2 ? '长江大堤' : '港口码头'}第${from + k}段。`]));
        const ids: string[] = [];
        for (let k = 0; k < 4; k++) ids.push(...(await store.saveClips(batch(k * 64))).results.map((r) => r.id));
        await store.deleteClip(ids[3]!);
        await store.deleteClip(ids[100]!);
        await store.emptyTrash();
        await store.flushIndex();
        c.eq('dead before', await db.table('dead').count(), 2);
        const cached = (await store.search('"港口码头"')).total; // fills the row cache before the rows are rewritten
        await api.createStore(db, { persist: async () => true, compaction: { fan: 2, base: 64, max: 4096 } }).flushIndex();
        const segs = await db.table('segs').toArray();
        // 63 + 63 → 126 (still level 0, numbered 2.5), + 64 → 190 (level 1, numbered 3.5); the last 64 stays.
        c.eq('segments', segs.map((x: { s: number; seqs: Uint32Array }) => [x.s, x.seqs.length]), [[3.5, 190], [4, 64]]);
        c.eq('dead documents dropped for good', await db.table('dead').count(), 0);
        c.eq('1-char', (await store.search('巡')).total, 254);
        c.eq('phrase (positions merged)', (await store.search('"查长江大堤"')).total, 127);
        c.eq('4-char', (await store.search('港口码头')).total, 127);
        c.eq('phrase, cached before the compaction', (await store.search('"港口码头"')).total, cached);
        c.eq('purged clip not found', (await store.search('第3段')).total, 0);
        c.ok('consistent', (await store.checkConsistency()).ok);
      },
    ],
    [
      'save, dedupe and every query form',
      async (c) => {
        const { store } = fresh();
        const r = await store.saveClips([
          article('港口扩建工程通过验收', ['本市港口扩建工程昨日通过验收，新增泊位六个。'], { url: 'https://paper.example/1.htm', paper: '江城日报', date: '2024-05-06' }),
          article('默想与远行', ['他在窗前默想良久。', '人民公园的日报栏需要更新。']),
          article('5G网络覆盖全市', ['社区读报小组一起读報紙。 Coverage reached 98 percent.']),
        ]);
        c.eq('statuses', r.results.map((x) => x.status), ['added', 'added', 'added']);
        const again = await store.saveClips([article('港口扩建工程通过验收', ['更正稿。'], { url: 'https://paper.example/1.htm' })]);
        c.eq('same URL+title updates', again.results[0], { id: r.results[0]!.id, status: 'updated' });
        const total = async (q: string, f: StoreLib.SearchFilters = {}) => (await store.search(q, f)).total;
        c.eq('1-char', await total('港'), 1);
        c.eq('2-char', await total('默想'), 1);
        c.eq('no 默认 for 默想', await total('默认'), 0);
        c.eq('4-char false positive', await total('人民日报'), 0);
        c.eq('4-char', await total('扩建工程'), 1);
        c.eq('mixed', await total('5G网络'), 1);
        c.eq('繁体 query', await total('報紙'), 1);
        c.eq('简体 query of 繁体 text', await total('报纸'), 1);
        c.eq('phrase', await total('"coverage reached 98"'), 1);
        c.eq('exclusion', await total('港口 -更正'), 0);
        c.eq('no hit', await total('量子纠缠'), 0);
        const hit = (await store.search('报纸')).hits[0];
        const m = hit?.snippet?.marks[0];
        c.eq('snippet mark', m && hit!.snippet!.text.slice(m.start, m.end), '報紙');
        c.ok('consistent', (await store.checkConsistency()).ok);
      },
    ],
    [
      'trash, restore, purge',
      async (c) => {
        const { store } = fresh();
        const { results } = await store.saveClips([article('江堤巡查', ['每天巡查两次。']), article('另一篇', ['不同的正文。'])]);
        await store.deleteClip(results[0]!.id);
        c.eq('hidden', (await store.search('巡查')).total, 0);
        c.eq('in trash', (await store.search('巡查', { trash: true })).total, 1);
        await store.restoreClip(results[0]!.id);
        c.eq('restored', (await store.search('巡查')).total, 1);
        await store.deleteClip(results[0]!.id);
        c.eq('purge keeps recent trash', await store.purgeExpiredTrash(Date.now()), 0);
        c.eq('purge after 31 days', await store.purgeExpiredTrash(Date.now() + 31 * 86_400_000), 1);
        c.ok('consistent', (await store.checkConsistency()).ok);
      },
    ],
    [
      'single saves across the pending → segment merge, with updates',
      async (c) => {
        const { store } = fresh();
        const ids: string[] = [];
        for (let i = 0; i < 70; i++) ids.push((await store.saveClips([article(`第${i}期简报`, [`关于港口建设的第${i}期简报。`])])).results[0]!.id);
        await store.updateClip(ids[10]!, { body: [{ type: 'paragraph', text: '改写成机场建设。' }] });
        c.eq('found', (await store.search('港口', {}, { limit: 100 })).total, 69);
        c.eq('updated text', (await store.search('机场')).total, 1);
        const check = await store.checkConsistency();
        c.ok(`consistent: ${check.problems.slice(0, 3).join('; ')}`, check.ok);
      },
    ],
    [
      'five connections saving at once (five tabs)',
      async (c) => {
        const name = `${prefix}-${n++}`;
        const dbs = Array.from({ length: 5 }, () => new api.ClipDB(name));
        opened.push(...dbs);
        const stores = dbs.map((db) => api.createStore(db, { persist: async () => true }));
        const batches = stores.map((_, b) => Array.from({ length: 12 }, (_, i) => article(`并发第${(b * 5 + i) % 30}号`, [`第${(b * 5 + i) % 30}号稿件。`])));
        await Promise.all(stores.map((s, i) => s.saveClips(batches[i]!)));
        const distinct = new Set(batches.flat().map((a) => a.title)).size;
        c.eq('every clip once', (await stores[0]!.listRecent({ limit: 100 })).total, distinct);
        c.eq('search sees all', (await stores[1]!.search('稿件', {}, { limit: 100 })).total, distinct);
        c.ok('consistent', (await stores[2]!.checkConsistency()).ok);
      },
    ],
    [
      'export → import byte-identical; bad record → nothing written',
      async (c) => {
        let t = Date.UTC(2024, 0, 1);
        const a = fresh({ now: () => t++ });
        await a.store.saveClips([article('港口', ['正文一。'], { tags: ['交通'], note: '备注' }), article('江堤', ['正文二。'])]);
        const { results } = await a.store.saveClips([article('码头', ['正文三。'])]);
        await a.store.deleteClip(results[0]!.id);
        t = Date.UTC(2025, 0, 1);
        const json = await a.store.exportJson();
        let u = Date.UTC(2025, 0, 1);
        const b = fresh({ now: () => u });
        const report = await b.store.importAll(json);
        c.eq('report', report, { added: 3, updated: 0, skipped: [] });
        u = Date.UTC(2025, 0, 1);
        c.ok('byte-identical export', (await b.store.exportJson()) === json);
        const env = JSON.parse(json) as { clips: Record<string, unknown>[] };
        env.clips.splice(1, 0, { ...env.clips[0], id: 'bad', savedAt: 'yesterday' });
        const target = fresh();
        let code = '';
        try {
          await target.store.importAll(env);
        } catch (e) {
          code = e instanceof api.StoreError ? e.code : String(e);
        }
        c.eq('invalid import rejected', code, 'invalid');
        c.eq('nothing written', (await target.store.listRecent()).total, 0);
      },
    ],
    [
      'migration from a v1 database',
      async (c) => {
        const name = `${prefix}-${n++}`;
        const old = new Dexie(name);
        old.version(1).stores(api.SCHEMA_V1);
        await old.table('clips').bulkAdd(
          Array.from({ length: 3 }, (_, i) => ({
            ...article(`旧版剪报${i}`, [`旧版正文${i}。`]),
            id: `old-${i}`,
            url: null,
            paper: '江城日报',
            date: '2023-01-01',
            page: null,
            savedAt: 1_700_000_000_000 + i,
            updatedAt: 1_700_000_000_000 + i,
            tags: [],
            note: '',
            key: `legacy-${i}`,
            deletedAt: null,
          })),
        );
        old.close();
        const db = new api.ClipDB(name);
        opened.push(db);
        const store = api.createStore(db, { persist: async () => true });
        c.eq('clips kept', (await store.exportAll()).clips.map((x) => x.id), ['old-0', 'old-1', 'old-2']);
        c.eq('searchable', (await store.search('旧版')).total, 3);
        c.ok('consistent', (await store.checkConsistency()).ok);
      },
    ],
    [
      'migration from a v2 database (positions inline in segment rows, no clip ids in index rows)',
      async (c) => {
        // Index 70 clips (one segment) with today's code, write the v2 form into a version-2 database.
        const src = new api.ClipDB(`${prefix}-${n++}`);
        opened.push(src);
        await api.createStore(src, { persist: async () => true }).saveClips(Array.from({ length: 70 }, (_, i) => article(`第${i}号泊位改造完工`, [`泊位通过验收，用上了岸电 shore power ${i}。`])));
        const heads = await src.postings.toArray();
        const positions = await src.positions.toArray();
        const posOf = new Map(positions.map((p) => [`${p.b}/${p.s}`, p]));
        const dump = await Promise.all(['clips', 'segs', 'pending', 'dead', 'meta'].map(async (t) => [t, await src.table(t).toArray()] as const));
        const name = `${prefix}-${n++}`;
        const old = new Dexie(name);
        old.version(1).stores(api.SCHEMA_V1);
        old.version(2).stores(api.SCHEMA_V2);
        await old.open();
        await old.table('postings').bulkAdd(heads.map((h) => ({ b: h.b, s: h.s, ...encodeDict(new Map(splitEntries(h, posOf.get(`${h.b}/${h.s}`)!))) })));
        // Segment and pending rows as v2/v3 wrote them: no clip ids (v4 names them).
        const idless = (row: Record<string, unknown>) => {
          const { ids: _ids, id: _id, ...rest } = row;
          return 'seqs' in rest || 'q' in rest ? rest : row;
        };
        for (const [t, rows] of dump) await old.table(t).bulkAdd(rows.map(idless));
        old.close();
        const db = new api.ClipDB(name);
        opened.push(db);
        const store = api.createStore(db, { persist: async () => true });
        c.eq('version', (await db.open()).verno, api.DB_VERSION);
        const idOf = new Map((await db.clips.toArray()).map((x) => [x.seq, x.id]));
        c.ok('segment rows name their clips', (await db.segs.toArray()).every((s) => s.ids.every((id, i) => id === (idOf.get(s.seqs[i]!) ?? ''))));
        c.ok('pending rows name their clips', (await db.pending.toArray()).every((r) => r.id === (idOf.get(r.q) ?? '')));
        c.eq('positions rows', await db.positions.count(), positions.length);
        c.eq('searchable', (await store.search('泊位', {}, { limit: 100 })).total, 70);
        c.eq('phrase', (await store.search('"第7号泊位"')).hits.map((h) => h.clip.title), ['第7号泊位改造完工']);
        c.eq('English phrase', (await store.search('"shore power"', {}, { limit: 100 })).total, 70);
        c.ok('consistent', (await store.checkConsistency()).ok);
      },
    ],
  ];
  for (const [name, fn] of cases) {
    const c = new Check(name);
    try {
      await fn(c);
    } catch (e) {
      c.failures.push(`${name}: threw ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
    }
    failures.push(...c.failures);
  }
  for (const db of opened) db.close();
  for (const name of new Set(opened.map((db) => db.name))) {
    try {
      await Dexie.delete(name);
    } catch {
      // Cleanup only.
    }
  }
  return failures;
}
