// Catches running totals that drift from the posts they count: after adds, deletions and a changed
// time zone, the rows must equal a recount from scratch, and the popup's figures computed from them
// must equal the statistics functions applied to the posts themselves.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { AGGREGATES_STORE, openDatabase } from '@/utils/storage/db';
import { buildAggregates, loadAggregates, META_KEY, rebuildAggregates, authorKey, isLabelled } from '@/utils/storage/aggregates';
import { addNewPosts, countByAudience, sumCounts } from '@/utils/storage/posts';
import { allPosts, deletePostsSeenBefore } from '@/utils/storage/review';
import { applyAudienceChange, emptyAudienceDefinitions } from '@/utils/storage/audienceDefinitions';
import { computeSummary, countsOfSummary } from '@/utils/summary/summary';
import { syntheticRecords } from '@/utils/summary/synthetic';
import { wilsonInterval } from '@/utils/statistics/wilson';
import { authorWeightedShare } from '@/utils/statistics/authorWeightedShare';
import { trendByDay } from '@/utils/statistics/trendByDay';
import { stratifiedRoganGladen } from '@/utils/statistics/stratifiedCorrection';
import { errorRatesFor } from '@/utils/statistics/agreement';
import { verdict } from '@/utils/statistics/verdict';
import modelMeta from '@/models/properso.json';

// The store's range queries use the global, as in browsers.
globalThis.IDBKeyRange ??= IDBKeyRange;
const MODEL = `${modelMeta.id}@${modelMeta.version}`;
const TZ = 'Europe/Paris';
let db: IDBDatabase;

beforeEach(async () => {
  db = await openDatabase(new IDBFactory());
});

const strip = (rows: { key: string }[]) => [...rows].sort((a, b) => (a.key < b.key ? -1 : 1));

describe('per-audience running totals', () => {
  it('equal a recount after batches of adds (duplicates ignored) and after deleting old posts', async () => {
    const records = syntheticRecords(1500, { model: MODEL });
    for (let i = 0; i < records.length; i += 40) await addNewPosts(db, records.slice(i, i + 45));
    // The rows were written in this machine's zone: another zone forces one rebuild, then none.
    await loadAggregates(db, TZ);
    const again = await loadAggregates(db, TZ);
    expect(again.rebuilt).toBe(false);
    expect(strip(again.rows)).toEqual(strip(buildAggregates(await allPosts(db), TZ).rows));
    expect(again.meta.records).toBe(records.length);

    const cutoff = records[600]!.seenAt;
    const deleted = await deletePostsSeenBefore(db, cutoff);
    expect(deleted).toBe(records.filter((r) => r.seenAt < cutoff).length);
    const loaded = await loadAggregates(db, TZ);
    expect(loaded.rebuilt).toBe(false);
    expect(strip(loaded.rows)).toEqual(strip(buildAggregates(await allPosts(db), TZ).rows));
  });

  it('are rebuilt when they disagree with the store', async () => {
    await addNewPosts(db, syntheticRecords(50, { model: MODEL }));
    await loadAggregates(db, TZ);
    const tx = db.transaction(AGGREGATES_STORE, 'readwrite');
    tx.objectStore(AGGREGATES_STORE).put({ key: META_KEY, format: 1, timeZone: TZ, records: 3 });
    await new Promise((resolve) => (tx.oncomplete = resolve));
    const loaded = await loadAggregates(db, TZ);
    expect(loaded.rebuilt).toBe(true);
    expect(loaded.meta.records).toBe(50);
    expect((await loadAggregates(db, TZ)).rebuilt).toBe(false);
  });
});

describe('popup figures from the running totals', () => {
  it('equal the statistics computed on the posts themselves', async () => {
    const records = syntheticRecords(3000, { model: MODEL, days: 20 });
    await addNewPosts(db, records);
    const { rows } = await rebuildAggregates(db, TZ);
    const summary = computeSummary({ rows, humanLabels: [], modelMeta, timeZone: TZ });
    expect(countsOfSummary(summary).audiences).toEqual(await countByAudience(db));
    expect(summary.totals).toEqual(sumCounts(await countByAudience(db)));

    for (const a of summary.audiences) {
      const mine = records.filter((r) => r.audience.key === a.audience.key && isLabelled(r));
      const k = mine.filter((r) => r.label === 'professional').length;
      expect(a.n).toBe(mine.length);
      expect(a.k).toBe(k);
      expect(a.share).toEqual({ value: k / mine.length, ...wilsonInterval(k, mine.length)! });
      const authors = authorWeightedShare(mine.map((r) => ({ label: r.label, author: authorKey(r) })));
      expect(a.authorWeighted.value).toBeCloseTo(authors.share!, 12);
      expect(a.authorWeighted.low).toBeCloseTo(authors.low!, 12);
      expect(a.authorWeighted.high).toBeCloseTo(authors.high!, 12);
      expect(a.authors).toBe(authors.authors);
      const trend = trendByDay(mine.map((r) => ({ label: r.label, time: r.seenAt })), TZ);
      expect(a.trend).toEqual(trend.days.slice(-14).map(({ day, n, k, share, low, high }) => ({ day, n, k, share, low, high })));
      const corrected = stratifiedRoganGladen(
        (['fr', 'en', 'other'] as const)
          .map((l) => ({ name: l, count: { n: mine.filter((r) => r.lang === l).length, k: mine.filter((r) => r.lang === l && r.label === 'professional').length }, rates: errorRatesFor(l, [], modelMeta) }))
          .filter((s) => s.count.n > 0),
      );
      expect(a.corrected.ok).toBe(corrected.ok);
      if (corrected.ok && a.corrected.ok) {
        expect(a.corrected.value).toBeCloseTo(corrected.value, 12);
        expect(a.corrected.low).toBeCloseTo(corrected.low!, 12);
        expect(a.verdict).toBe(verdict(corrected.value, corrected.low, corrected.high, mine.length));
      }
    }
  });

  it('follow merges, renames and author lists as the counts do', async () => {
    const records = syntheticRecords(800, { model: MODEL });
    await addNewPosts(db, records);
    let definitions = emptyAudienceDefinitions();
    definitions = applyAudienceChange(definitions, { kind: 'merge', from: 'linkedin:group:cci', into: 'linkedin:feed' });
    definitions = applyAudienceChange(definitions, { kind: 'rename', key: 'linkedin:feed', label: 'LinkedIn, all' });
    definitions = applyAudienceChange(definitions, { kind: 'saveAuthorAudience', label: 'Heavy posters', authors: [{ platform: 'linkedin', handle: 'author0' }, { platform: 'facebook', handle: 'author1' }] });
    const { rows } = await rebuildAggregates(db, TZ);
    const summary = computeSummary({ rows, definitions, humanLabels: [], modelMeta, timeZone: TZ });
    const counts = await countByAudience(db, definitions);
    expect(countsOfSummary(summary).audiences).toEqual(counts);
    expect(summary.totals).toEqual(sumCounts(counts));
    const list = summary.audiences.find((a) => a.audience.label === 'Heavy posters')!;
    const mine = records.filter((r) => isLabelled(r) && ['linkedin:author0', 'facebook:author1'].includes(authorKey(r)!));
    expect(list.n).toBe(mine.length);
    expect(list.trend).toBeNull();
  });
});
