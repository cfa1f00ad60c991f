// Search: every query form, verification (no bigram false positives), ranking, snippets, filters.
import type { DBCore, DBCoreGetManyRequest, DBCoreQueryRequest, DBCoreTable } from 'dexie';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fold, highlightQuery, parseQuery } from '../../../lib/store';
import { bucketOf, rowsOfBucket } from '../../../lib/store/codec';
import type { ClipDB } from '../../../lib/store/db';
import { RANK, RANK_DEPTH, WARM_QUERIES, warmRankingCode } from '../../../lib/store/search';
import { nextChars } from '../../../lib/store/snippet';
import type { Clip } from '../../../lib/store/types';
import { docTerms, queryGrams, termPositions, type DocTerms } from '../../../lib/store/tokens';
import { article, freshStore } from './helpers';

/** A small archive written for these tests (own text, shaped like e-paper articles). */
async function archive() {
  const env = freshStore();
  const { store, clock } = env;
  const save = async (a: Parameters<typeof store.saveClips>[0][0]) => {
    clock.t += 1000;
    return (await store.saveClips([a])).results[0]!.id;
  };
  const ids = {
    port: await save(
      article('港口扩建工程通过验收', ['本市港口扩建工程昨日通过验收，新增泊位六个。', '港口管理部门表示，扩建后年吞吐能力提高三成。'], {
        kicker: '交通建设',
        paper: '江城日报',
        date: '2024-05-06',
        tags: ['交通'],
      }),
    ),
    muse: await save(article('默想与远行', ['他在窗前默想良久，决定明天出发。'], { paper: '江城晚报', date: '2024-05-07' })),
    people: await save(
      article('人民来信选登', ['一位读者来信说，人民公园的日报栏需要更新。', '编辑部已转交有关部门。'], {
        paper: '江城日报',
        date: '2024-06-01',
        kind: 'notice',
      }),
    ),
    tech: await save(
      article('5G网络覆盖全市', ['全市已建成5G基站两千座，5G网络覆盖所有街道。', 'The city says coverage reached 98 percent.'], {
        paper: '江城日报',
        date: '2024-07-15',
        tags: ['科技'],
      }),
    ),
    paper: await save(article('读报小组活动', ['社区读报小组每周一次，大家一起读報紙、讲新闻。'], { paper: '江城晚报', date: '2024-08-01' })),
    flood: await save(article('江堤巡查', ['入汛以来，港口附近江堤每天巡查两次。'], { paper: '江城日报', date: '2024-08-02' })),
  };
  return { ...env, ids };
}

const idsOf = (r: { hits: { clip: { id: string } }[] }) => r.hits.map((h) => h.clip.id);

describe('query parsing', () => {
  it('splits terms, "phrases" and -exclusions', () => {
    const q = parseQuery('港口 "扩建 工程" -验收 -"新增 泊位" “全角引号”');
    expect(q.parsed).toEqual({ terms: ['港口'], phrases: ['扩建 工程', '全角引号'], excluded: ['验收', '新增 泊位'] });
    expect(parseQuery('  ，。 ').include).toEqual([]);
  });
});

describe('query forms', () => {
  it('1-char, 2-char and 4-char CJK queries', async () => {
    const { store, ids } = await archive();
    expect(new Set(idsOf(await store.search('港')))).toEqual(new Set([ids.port, ids.flood]));
    expect(new Set(idsOf(await store.search('港口')))).toEqual(new Set([ids.port, ids.flood]));
    expect(idsOf(await store.search('扩建工程'))).toEqual([ids.port]);
    expect(idsOf(await store.search('泊'))).toEqual([ids.port]);
  });

  it('verifies against the text: no bigram false positives', async () => {
    const { store, ids } = await archive();
    expect(idsOf(await store.search('默想'))).toEqual([ids.muse]);
    expect((await store.search('默认')).total).toBe(0);
    // 人民 and 日报 both occur in the notice, 人民日报 does not.
    expect((await store.search('人民 日报')).total).toBe(1);
    expect((await store.search('人民日报')).total).toBe(0);
    // A field boundary is not a match: title ends with 验收, body starts with 本市.
    expect((await store.search('验收本市')).total).toBe(0);
  });

  it('mixed CJK/Latin and Latin words (case-folded, whole words)', async () => {
    const { store, ids } = await archive();
    expect(idsOf(await store.search('5G网络'))).toEqual([ids.tech]);
    expect(idsOf(await store.search('5g'))).toEqual([ids.tech]);
    expect(idsOf(await store.search('COVERAGE'))).toEqual([ids.tech]);
    expect((await store.search('cover')).total).toBe(0);
    expect(idsOf(await store.search('"coverage reached 98"'))).toEqual([ids.tech]);
    expect((await store.search('"reached coverage"')).total).toBe(0);
  });

  it('繁体 queries find 简体 text and the other way round', async () => {
    const { store, ids } = await archive();
    expect(idsOf(await store.search('報紙'))).toEqual([ids.paper]);
    expect(idsOf(await store.search('报纸'))).toEqual([ids.paper]);
    expect(idsOf(await store.search('港口擴建'))).toEqual([ids.port]);
  });

  it('phrases, AND of terms, exclusions and no hit', async () => {
    const { store, ids } = await archive();
    expect(idsOf(await store.search('"新增泊位"'))).toEqual([ids.port]);
    expect(idsOf(await store.search('港口 巡查'))).toEqual([ids.flood]);
    expect(idsOf(await store.search('港口 -验收'))).toEqual([ids.flood]);
    expect(idsOf(await store.search('港口 -"江堤 每天"'))).toEqual(expect.arrayContaining([ids.port, ids.flood]));
    expect(idsOf(await store.search('港口 -"江堤每天"'))).toEqual([ids.port]);
    const none = await store.search('量子纠缠');
    expect(none).toMatchObject({ total: 0, hits: [] });
    // Only exclusions: every other clip, newest first.
    expect(idsOf(await store.search('-港口'))).toEqual([ids.paper, ids.tech, ids.people, ids.muse]);
  });
});

describe('ranking', () => {
  it('title/kicker hits and higher term frequency rank first; ties go to the newer clip', async () => {
    const { store, clock } = freshStore();
    const save = async (a: ReturnType<typeof article>) => {
      clock.t += 1000;
      return (await store.saveClips([a])).results[0]!.id;
    };
    const body1 = await save(article('城市快讯', ['今年的桥梁检测已经完成，其余道路正常。']));
    const title = await save(article('桥梁检测完成', ['检测工作按计划推进，其余道路正常。']));
    const body3 = await save(article('市政简报', ['桥梁检测、桥梁维修和桥梁加固同时进行，道路正常。']));
    const tieOld = await save(article('天气一', ['明天多云转晴。']));
    const tieNew = await save(article('天气二', ['后天多云转晴。']));
    const r = await store.search('桥梁');
    expect(idsOf(r)).toEqual([title, body3, body1]);
    expect(r.hits[0]!.score).toBeGreaterThan(r.hits[1]!.score);
    const tie = await store.search('多云转晴');
    expect(tie.hits[0]!.score).toBeCloseTo(tie.hits[1]!.score, 10);
    expect(idsOf(tie)).toEqual([tieNew, tieOld]);
  });

  it('pages through results with a stable total', async () => {
    const { store } = freshStore();
    await store.saveClips(Array.from({ length: 25 }, (_, i) => article(`通知${i}`, [`第${i}号通知，请各单位注意。`])));
    const p1 = await store.search('通知', {}, { offset: 0, limit: 10 });
    const p3 = await store.search('通知', {}, { offset: 20, limit: 10 });
    expect(p1.total).toBe(25);
    expect(p1.hits).toHaveLength(10);
    expect(p3.hits).toHaveLength(5);
    expect(new Set([...idsOf(p1), ...idsOf(p3)]).size).toBe(15);
  });
});

describe('snippets and highlights', () => {
  it('gives offsets into the original text (no HTML), across 繁/简 folding', async () => {
    const { store, ids } = await archive();
    const r = await store.search('報紙');
    const hit = r.hits[0]!;
    expect(hit.clip.id).toBe(ids.paper);
    const body = hit.clip.body[0]!.text;
    const h = hit.highlights.find((x) => x.field === 'body.0')!;
    expect(body.slice(h.start, h.end)).toBe('報紙');
    expect(hit.snippet!.field).toBe('body.0');
    const m = hit.snippet!.marks[0]!;
    expect(hit.snippet!.text.slice(m.start, m.end)).toBe('報紙');
    expect(hit.snippet!.text).not.toMatch(/<|>/);
  });

  it('marks every item; title highlights for title hits; long paragraphs are cut around the mark', async () => {
    const { store } = freshStore();
    const long = '开头'.repeat(80) + '关键的段落在这里' + '结尾'.repeat(80);
    await store.saveClips([article('关键词测试', [long])]);
    const hit = (await store.search('关键 段落')).hits[0]!;
    expect(hit.highlights.some((h) => h.field === 'title')).toBe(true);
    const s = hit.snippet!;
    expect(s.text.startsWith('…') && s.text.endsWith('…')).toBe(true);
    expect(s.text.length).toBeLessThan(long.length);
    const marked = s.marks.map((m) => s.text.slice(m.start, m.end));
    expect(marked).toEqual(['关键', '段落']);
  });

  it('highlightQuery marks a stored clip as search would: folded words and phrases, not the excluded ones', async () => {
    const { store } = freshStore();
    const { results } = await store.saveClips([article('港口新貌', ['報紙说,港口码头通宵作业。', 'Port workers and port cranes; 专家称码头扩建。'])]);
    const clip = (await store.getClip(results[0]!.id))!;
    const text = (h: { field: string; start: number; end: number }) => (h.field === 'title' ? clip.title! : clip.body[Number(h.field.split('.')[1])]!.text).slice(h.start, h.end);
    expect(highlightQuery(clip, '报纸 "港口码头" -专家').map(text)).toEqual(['報紙', '港口码头']);
    expect(highlightQuery(clip, 'PORT').map((h) => [h.field, text(h)])).toEqual([
      ['body.1', 'Port'],
      ['body.1', 'port'],
    ]);
    expect(highlightQuery(clip, '')).toEqual([]);
    expect(highlightQuery(clip, '-港口')).toEqual([]);
  });
});

describe('filters', () => {
  it('paper, date range, tag, kind', async () => {
    const { store, ids } = await archive();
    expect(new Set(idsOf(await store.search('港口', { paper: '江城日报' })))).toEqual(new Set([ids.port, ids.flood]));
    expect(idsOf(await store.search('港口', { dateFrom: '2024-08-01' }))).toEqual([ids.flood]);
    expect(idsOf(await store.search('港口', { dateTo: '2024-05-31' }))).toEqual([ids.port]);
    expect(idsOf(await store.search('港口', { tag: '交通' }))).toEqual([ids.port]);
    expect(idsOf(await store.search('', { kind: 'notice' }))).toEqual([ids.people]);
    expect(idsOf(await store.search('', { paper: '江城晚报' }))).toEqual([ids.paper, ids.muse]);
    const listed = await store.listRecent({ limit: 2 }, { paper: '江城日报' });
    expect(listed.total).toBe(4);
    expect(listed.clips.map((c) => c.id)).toEqual([ids.flood, ids.tech]);
  });
});

describe('items of several grams match at their offsets only', () => {
  it('near misses (a gram one place off, overlapping repeats) are not hits; counts are per occurrence', async () => {
    const { store } = freshStore();
    const texts = {
      hit: '今年港口江堤巡查开始。',
      gap: '港口口江堤不是那个词。', // 港口 at 0, 口江 at 2: one place off
      swapped: '口江港口，顺序反了。',
      repeats: '港港港港，四个港。',
      two: '港口江与港口江，两次。',
    };
    const ids = Object.fromEntries(
      await Promise.all(Object.entries(texts).map(async ([k, t]) => [k, (await store.saveClips([article(`测试${k}`, [t])])).results[0]!.id] as const)),
    );
    const hitIds = async (q: string) => (await store.search(q, {}, { limit: 50 })).hits.map((h) => h.clip.id).sort();
    expect(await hitIds('港口江')).toEqual([ids.hit, ids.two].sort());
    expect(await hitIds('港口江堤')).toEqual([ids.hit]);
    expect(await hitIds('口口江')).toEqual([ids.gap]);
    expect(await hitIds('港港港')).toEqual([ids.repeats]);
    expect(await hitIds('港港港港港')).toEqual([]);
    // Two occurrences rank above one (tf counts each aligned start once).
    const ranked = (await store.search('港口江', {}, { limit: 50 })).hits.map((h) => h.clip.id);
    expect(ranked[0]).toBe(ids.two);
  });
});

describe('search equals a folded substring scan (property)', () => {
  // A tiny alphabet makes shared bigrams (and would-be false positives) frequent.
  const alphabet = ['港', '口', '江', '堤', '巡', '查', '報', '报', ' ', 'a', 'B'];
  const text = fc.array(fc.constantFrom(...alphabet), { minLength: 0, maxLength: 24 }).map((a) => a.join(''));
  it('for random texts and CJK queries', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(text, text), { minLength: 1, maxLength: 8 }), fc.array(fc.constantFrom('港', '口', '江', '堤', '报', '報'), { minLength: 1, maxLength: 4 }), async (docs, q) => {
        const { store } = freshStore();
        await store.saveClips(docs.map(([t, b], i) => article(`${i}号${t}`, [b])));
        const query = q.join('');
        const want = docs.filter(([t, b], i) => fold(`${i}号${t}`).includes(fold(query)) || fold(b).includes(fold(query))).length;
        const got = await store.search(query, {}, { limit: 100 });
        expect(got.total).toBe(want);
        for (const h of got.hits) expect(h.highlights.length).toBeGreaterThan(0);
        store.db.close();
      }),
      { numRuns: 40 },
    );
  });
});

describe('search stays exact while the archive grows (row cache across new and compacted segments)', () => {
  const alphabet = ['港', '口', '江', '堤', '巡', '查', '报'];
  const text = fc.array(fc.constantFrom(...alphabet), { minLength: 1, maxLength: 16 }).map((a) => a.join(''));
  const query = fc.array(fc.constantFrom(...alphabet), { minLength: 1, maxLength: 3 }).map((a) => a.join(''));
  // Saves of one clip (pending, merged at 64) and of many (a segment at once), deletes, searches.
  const op = fc.oneof(
    fc.record({ save: fc.array(text, { minLength: 1, maxLength: 3 }) }),
    fc.record({ bulk: fc.array(text, { minLength: 64, maxLength: 70 }) }),
    fc.record({ del: fc.nat() }),
    fc.record({ purge: fc.constant(true) }),
    fc.record({ flush: fc.constant(true) }),
    fc.record({ search: query, phrase: fc.boolean() }),
  );
  it('every search in a sequence of saves, merges, deletes and compactions equals a scan of the live clips', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 4, maxLength: 14 }), async (ops) => {
        // Compaction merges every two adjacent segments of a level (64-document levels), so it runs
        // often — in the background after saves and purges, and at each flush.
        const { store } = freshStore({ compaction: { fan: 2, base: 64, max: 1 << 20 } });
        const live = new Map<string, string>(); // id → folded body
        let n = 0;
        const save = async (texts: string[]) => {
          const { results } = await store.saveClips(texts.map((t) => article(`第${n++}条`, [t])));
          results.forEach((r, i) => live.set(r.id, fold(texts[i]!)));
        };
        const check = async (q: string, phrase: boolean) => {
          const want = [...live.values()].filter((t) => t.includes(fold(q))).length;
          expect((await store.search(phrase ? `"${q}"` : q, {}, { limit: 5 })).total).toBe(want);
        };
        for (const o of ops) {
          if ('save' in o) await save(o.save);
          else if ('bulk' in o) await save(o.bulk);
          else if ('del' in o) {
            const ids = [...live.keys()];
            if (!ids.length) continue;
            const id = ids[o.del % ids.length]!;
            await store.deleteClip(id);
            live.delete(id);
          } else if ('purge' in o) await store.emptyTrash();
          else if ('flush' in o) await store.flushIndex();
          else await check(o.search, o.phrase);
          // The same few terms after every step: their rows are cached and must grow with the index.
          await check('港', false);
          await check('江堤', false);
          await check('口江', true);
        }
        store.db.close();
      }),
      { numRuns: 25 },
    );
  });
});

describe('deep pages', () => {
  it('ranks the same way when the page is far down the list', async () => {
    const { store } = freshStore();
    await store.saveClips(Array.from({ length: 30 }, (_, i) => article(`公告${i}`, ['公告'.repeat(1 + (i % 7)) + `编号${i}。`])));
    const all = await store.search('公告', {}, { offset: 0, limit: 30 });
    const deep = await store.search('公告', {}, { offset: 25, limit: 500 });
    expect(idsOf(deep)).toEqual(idsOf(all).slice(25));
    const scores = all.hits.map((h) => h.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });
});

describe('reading the hits', () => {
  it('by the ids the index rows name, and through the seq index where a row names none or a wrong one', async () => {
    const { store, db } = freshStore();
    const texts = Array.from({ length: 70 }, (_, i) => article(`灯塔第${i}次检修`, [`第${i}次检修后，灯塔恢复夜间照明。`]));
    await store.saveClips(texts); // one segment (and a few pending)
    const want = idsOf(await store.search('灯塔', {}, { limit: 100 }));
    expect(want).toHaveLength(70);
    const [seg] = await db.segs.toArray();
    expect(seg!.ids.filter(Boolean)).toHaveLength(seg!.seqs.length);
    // Rows that name no clip, or another clip: hits are still the right clips (checked by seq).
    const ids = seg!.ids.map((id, i) => (i % 2 ? '' : seg!.ids[(i + 2) % seg!.ids.length]!));
    await db.segs.put({ ...seg!, ids });
    await db.meta.put({ k: 'epoch', v: 1 }); // the column cache starts over
    expect(idsOf(await store.search('灯塔', {}, { limit: 100 }))).toEqual(want);
  });
});

describe('kept rankings', () => {
  it('a repeated query (a scrolled or live-refreshed result list) never sees an older state of the store', async () => {
    const { store, db } = freshStore();
    const ids = (await store.saveClips([1, 2, 3].map((i) => article(`堤防巡查第${i}次`, [`今天巡查了${i}段堤防。`])))).results.map((r) => r.id);
    const ask = async (filters = {}) => {
      const page1 = await store.search('巡查', filters, { offset: 0, limit: 2 });
      const page2 = await store.search('巡查', filters, { offset: 2, limit: 2 });
      return { total: page1.total, ids: [...page1.hits, ...page2.hits].map((h) => h.clip.id) };
    };
    const first = await ask();
    expect(first.total).toBe(3);
    expect(await ask()).toEqual(first);
    // A save, a delete, a restore, a purge, an edit and a tag each change what the same query gives.
    const added = (await store.saveClips([article('夜间巡查', ['夜里也要巡查。'])])).results[0]!.id;
    expect((await ask()).total).toBe(4);
    await store.deleteClip(ids[0]!);
    expect((await ask()).ids).not.toContain(ids[0]);
    expect((await ask({ trash: true })).ids).toEqual([ids[0]]);
    await store.restoreClip(ids[0]!);
    expect((await ask()).total).toBe(4);
    await store.deleteClip(added);
    await store.emptyTrash();
    expect((await ask()).total).toBe(3);
    await store.updateClip(ids[1]!, { body: [{ type: 'paragraph', text: '改为检查。' }], title: '堤防检查' });
    expect((await ask()).ids.sort()).toEqual([ids[0], ids[2]].sort());
    expect((await ask({ tag: '防汛' })).total).toBe(0);
    await store.updateClip(ids[2]!, { tags: ['防汛'] });
    expect((await ask({ tag: '防汛' })).ids).toEqual([ids[2]]);
    db.close();
  });
});

describe('ranking depth', () => {
  it('a page of a few rows ranks deep enough for the pages after it; pages past that depth rank again, twice as deep', async () => {
    // Scores spread over five tf values, so ties (broken by save time) and order both matter.
    const n = 4 * RANK_DEPTH + 37;
    const inputs = Array.from({ length: n }, (_, i) => article(`堤防纪要${i}`, [`今天${'巡查'.repeat(1 + (i % 5))}了第${i}段堤防。`]));
    const asked = freshStore();
    const whole = freshStore();
    await asked.store.saveClips(inputs);
    await whole.store.saveClips(inputs);
    const hitsOf = (r: Awaited<ReturnType<typeof asked.store.search>>) => r.hits.map((h) => [h.clip.id, h.score]);
    const want = hitsOf(await whole.store.search('巡查', {}, { offset: 0, limit: n }));
    expect(want).toHaveLength(n);
    // As the side panel asks: the rows that fit, its window, then further down, past the kept depth.
    for (const [offset, limit] of [
      [0, 11],
      [0, 20],
      [20, 40],
      [60, 50],
      [0, 11],
      [110, 20],
      [130, 90],
      [220, 30],
      [250, 20],
      [0, 20],
      [270, n],
    ] as const) {
      const page = await asked.store.search('巡查', {}, { offset, limit });
      expect(page.total).toBe(n);
      expect(hitsOf(page)).toEqual(want.slice(offset, offset + limit));
    }
    asked.db.close();
    whole.db.close();
  });
});

/** Row numbers of the positions (or head) rows this Dexie instance reads (rows returned by key or by range). */
function positionsRowsRead(db: ClipDB, table: 'positions' | 'postings' = 'positions'): number[] {
  const rows: number[] = [];
  const note = (r: unknown) => {
    if (r && typeof r === 'object' && 'b' in r) rows.push((r as { b: number }).b);
  };
  db.use({
    stack: 'dbcore',
    name: `${table}-reads`,
    create: (down: DBCore): DBCore => ({
      ...down,
      table(name: string): DBCoreTable {
        const t = down.table(name);
        if (name !== table) return t;
        return {
          ...t,
          getMany: (req: DBCoreGetManyRequest) => t.getMany(req).then((got) => (got.forEach(note), got)),
          query: (req: DBCoreQueryRequest) => t.query(req).then((res) => (res.result.forEach(note), res)),
        };
      },
    }),
  });
  return rows;
}

describe('nextChars', () => {
  const clip = (title: string, ...paragraphs: string[]) => ({ ...article(title, paragraphs), id: title }) as unknown as Clip;

  it('ranks the CJK characters after a word by the clips they follow it in, then by how often', () => {
    const clips = [
      clip('人民日报', '人民政府发布通知。人民政府', '人民，人民。'),
      clip('人民政府工作报告', '人民代表大会'),
      clip('人民代表', '人民代表'),
      clip('天气', '晴'),
    ];
    // 政: 2 clips, 3 times; 代: 2 clips, 3 times → tie broken by character order; 日: 1 clip.
    expect(nextChars(clips, '人民', 3)).toEqual(['代', '政', '日']);
    expect(nextChars(clips, '人民', 1)).toEqual(['代']);
    // Punctuation, Latin and the end of a field are no next character.
    expect(nextChars([clip('港口', '港口, 港口A 港口')], '港口', 5)).toEqual([]);
    expect(nextChars(clips, '', 3)).toEqual([]);
    expect(nextChars(clips, '人民', 0)).toEqual([]);
  });

  it('finds the word in folded text: 繁體 follows as 简体', () => {
    expect(nextChars([clip('報紙', '人民報紙發行，人民報紙', '人民報社')], '人民报', 2)).toEqual(['纸', '社']);
  });
});

describe('reading ahead', () => {
  it("reads the positions of a last word of two CJK characters, and the word typed on then reads only its new bigram's", async () => {
    const { store, db } = freshStore();
    const read = positionsRowsRead(db);
    // One bulk save: a segment, whose positions are rows of their own (pending documents keep them inline).
    await store.saveClips(Array.from({ length: 70 }, (_, i) => article(`港口扩建第${i}期`, [`港口扩建工程第${i}段进展顺利。`])));
    const rowsOf = (term: string) => new Set(rowsOfBucket(bucketOf(term)));
    expect(bucketOf('港口')).not.toBe(bucketOf('口扩'));
    read.length = 0;
    await store.readAhead('港口');
    expect(read.length).toBeGreaterThan(0);
    expect(read.every((b) => rowsOf('港口').has(b))).toBe(true);
    read.length = 0;
    expect((await store.search('港口扩')).total).toBe(70);
    expect(read.length).toBeGreaterThan(0);
    expect(read.filter((b) => !rowsOf('口扩').has(b))).toEqual([]);
    // Nothing to read ahead: a one-character word, a Latin one, a phrase of two bigrams, an empty query.
    read.length = 0;
    for (const q of ['港', '港口 port', '"港口扩"', '']) await store.readAhead(q);
    expect(read).toEqual([]);
    db.close();
  });

  it('guesses the next character from the hits shown and reads what the word typed on will need', async () => {
    const { store, db } = freshStore();
    const positions = positionsRowsRead(db);
    const heads = positionsRowsRead(db, 'postings');
    // 港口 followed by 扩 in 40 clips, by 码 in 30, by 的 in none (and 港口, with a comma after, in 10).
    await store.saveClips([
      ...Array.from({ length: 40 }, (_, i) => article(`港口扩建第${i}期`, [`港口扩建工程第${i}段进展顺利。`])),
      ...Array.from({ length: 30 }, (_, i) => article(`新港口码头第${i}号`, [`港口码头第${i}号泊位启用。`])),
      ...Array.from({ length: 10 }, (_, i) => article(`通知第${i}号`, [`来往港口，注意安全。`])),
    ]);
    const rowsOf = (...terms: string[]) => new Set(terms.flatMap((t) => rowsOfBucket(bucketOf(t))));
    const shown = await store.search('港口', {}, { limit: 80 });
    expect(shown.total).toBe(80);
    positions.length = 0;
    heads.length = 0;
    await store.readAhead('港口');
    // The bigram's own positions, and for both guesses (扩 and 码) their bigram's head and positions rows.
    expect(new Set([bucketOf('港口'), bucketOf('口扩'), bucketOf('口码')]).size).toBe(3);
    const all = rowsOf('港口', '口扩', '口码');
    expect(positions.filter((b) => !all.has(b))).toEqual([]);
    expect(heads.filter((b) => !all.has(b))).toEqual([]);
    for (const term of ['港口', '口扩', '口码']) expect(positions.some((b) => rowsOf(term).has(b))).toBe(true);
    for (const term of ['口扩', '口码']) expect(heads.some((b) => rowsOf(term).has(b))).toBe(true);
    // Typed on, either guess reads no row it did not already have.
    positions.length = 0;
    heads.length = 0;
    expect((await store.search('港口码')).total).toBe(30);
    expect((await store.search('港口扩')).total).toBe(40);
    expect([...positions, ...heads]).toEqual([]);
    db.close();
  });

  it('after a one-character query, reads the heads of the likeliest next bigram and no positions', async () => {
    const { store, db } = freshStore();
    const positions = positionsRowsRead(db);
    const heads = positionsRowsRead(db, 'postings');
    await store.saveClips(Array.from({ length: 70 }, (_, i) => article(`港口第${i}号`, [`港口第${i}号泊位。`])));
    await store.search('港');
    positions.length = 0;
    heads.length = 0;
    await store.readAhead('港');
    expect(positions).toEqual([]);
    expect(heads.length).toBeGreaterThan(0);
    expect(heads.every((b) => rowsOf('港口').has(b))).toBe(true);
    heads.length = 0;
    expect((await store.search('港口')).total).toBe(70);
    expect(heads).toEqual([]);
    // The hits of another query say nothing about this one: nothing is guessed.
    await store.search('泊位');
    heads.length = 0;
    await store.readAhead('港');
    expect(heads).toEqual([]);
    db.close();
    function rowsOf(term: string) {
      return new Set(rowsOfBucket(bucketOf(term)));
    }
  });

  it('a read ahead or a warm-up in flight never fails the reads started beside it', async () => {
    const { store, db } = freshStore();
    await store.saveClips([article('港口扩建', ['港口扩建工程进展顺利。'])]);
    // Started in the same tick as each other (a transaction whose scope lost track of its native
    // awaits committed early, and the read beside it rejected with PrematureCommitError).
    const ahead = store.readAhead('港口');
    const searched = store.search('港口扩');
    const warm = store.warmSearch();
    const listed = store.listRecent({}, { kind: 'article' });
    const byIssue = store.listPage(0, 10, false, 'issue');
    const counted = store.countClips();
    expect((await searched).total).toBe(1);
    expect((await listed).total).toBe(1);
    expect(await byIssue).toHaveLength(1);
    expect(await counted).toBe(1);
    await Promise.all([ahead, warm]);
    db.close();
  });

  it('the ranking warm-up runs every kind of query on its made-up index and finds what it holds', () => {
    // Documents 0–1023: 甲 in each, 甲乙 at 30 in every second, 甲乙丙丁 at 10 in every third, alpha in
    // every fifth; 1023 pending, 3 dead. A warm-up that matched nothing would leave the positional
    // intersection, the exclusion and the scoring uncompiled.
    const everySecondOrThird = 512 + 342 - 171 - 1; // without dead 3
    const everyThird = 342 - 1;
    const everyFifth = 205;
    expect(WARM_QUERIES).toHaveLength(8);
    expect(warmRankingCode(1024, 1)).toEqual([1023, everySecondOrThird, everyThird, everyThird, everyThird, everyFifth, everyFifth, 512 - 171, 1023]);
  });
});

describe('ranking equals BM25 computed from the texts (property)', () => {
  // A reference written apart from the index: each item's matches are found in docTerms' positions
  // with Sets, and scored by the formula in the README (k1 1.2, b 0.75, kicker/title hits ×3).
  const alphabet = ['港', '口', '江', '堤', '巡', '查'];
  const text = fc.array(fc.constantFrom(...alphabet), { minLength: 0, maxLength: 20 }).map((a) => a.join(''));
  const item = fc.array(fc.constantFrom(...alphabet), { minLength: 1, maxLength: 3 }).map((a) => a.join(''));
  function occurrences(d: DocTerms, q: string): { tf: number; titleTf: number } {
    const grams = queryGrams(fold(q));
    const at = (term: string) => new Set(termPositions(d, term) ?? []);
    const first = grams[0]!;
    let tf = 0;
    let titleTf = 0;
    for (const p of at(first.term)) {
      const s = p - first.rel;
      if (grams.every((g) => at(g.term).has(s + g.rel))) {
        tf++;
        if (s < d.titleEnd) titleTf++;
      }
    }
    return { tf, titleTf };
  }
  it('for random archives (pending rows and a segment) and queries of 1–3 items with an exclusion', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(text, text), { minLength: 1, maxLength: 70 }),
        fc.array(item, { minLength: 1, maxLength: 3 }),
        fc.option(item, { nil: undefined }),
        async (docs, include, exclude) => {
          const { store } = freshStore();
          // Over 63 articles in one save go to a segment at once; fewer stay pending.
          const inputs = docs.map(([t, b], i) => article(`${t}${i}`, [b]));
          const { results } = await store.saveClips(inputs);
          const terms = inputs.map((a) => docTerms(a));
          const n = terms.length;
          const avgLen = terms.reduce((s, d) => s + d.length, 0) / n;
          const per = include.map((q) => terms.map((d) => occurrences(d, q)));
          const idf = per.map((m) => {
            const df = m.filter((o) => o.tf > 0).length;
            return Math.log(1 + (n - df + 0.5) / (df + 0.5));
          });
          const want = new Map<string, number>();
          terms.forEach((d, i) => {
            if (exclude !== undefined && occurrences(d, exclude).tf > 0) return;
            if (per.some((m) => m[i]!.tf === 0)) return;
            const norm = RANK.k1 * (1 - RANK.b + (RANK.b * d.length) / avgLen);
            let score = 0;
            per.forEach((m, t) => {
              const tf = m[i]!.tf + (RANK.titleBoost - 1) * m[i]!.titleTf;
              score += idf[t]! * ((tf * (RANK.k1 + 1)) / (tf + norm));
            });
            want.set(results[i]!.id, score);
          });
          const query = [...include, ...(exclude !== undefined ? [`-${exclude}`] : [])].join(' ');
          const got = await store.search(query, {}, { limit: 100 });
          expect(got.total).toBe(want.size);
          expect(new Set(idsOf(got))).toEqual(new Set(want.keys()));
          for (const h of got.hits) expect(h.score).toBeCloseTo(want.get(h.clip.id)!, 9);
          for (let i = 1; i < got.hits.length; i++) expect(got.hits[i - 1]!.score).toBeGreaterThanOrEqual(got.hits[i]!.score - 1e-9);
          store.db.close();
        },
      ),
      { numRuns: 40 },
    );
  });
});
