// Catches damaged stored data that crashes a reader, is counted in the figures, is lost instead of set
// aside, or is not reported: each kind of damaged post record, totals rows that are wrong, and settings
// of the wrong shape (utils/storage/integrity.ts, the validator in utils/storage/posts.ts).
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AGGREGATES_STORE, POSTS_STORE, QUARANTINE_STORE, openDatabase, requestResult, transactionDone } from '@/utils/storage/db';
import { META_KEY, loadAggregates } from '@/utils/storage/aggregates';
import { addNewPosts, countByAudience, isPostRecord, postRecordProblem, recentPosts, type PostRecord } from '@/utils/storage/posts';
import { allPosts, deletePostsSeenBefore, humanLabelledPosts, latestPostsByAuthors, latestPostsOf, setHumanLabel } from '@/utils/storage/review';
import { aggregateRowProblem, checkSettings, repairsSettled, storeLooksSound, type QuarantineEntry } from '@/utils/storage/integrity';
import { createResearchService } from '@/utils/summary/service';
import { defaultPreferences, preferencesSetting, readPreferences } from '@/utils/storage/preferences';
import { audienceDefinitionsSetting, uiLanguageSetting } from '@/utils/storage/settings';
import { normaliseAudienceDefinitions } from '@/utils/storage/audienceDefinitions';
import type { Sender } from '@/utils/messaging';
import modelMeta from '@/models/properso.json';

globalThis.IDBKeyRange ??= IDBKeyRange;
const MODEL = `${modelMeta.id}@${modelMeta.version}`;
const ORIGIN = 'chrome-extension://abc/';
const page: Sender = { url: `${ORIGIN}popup.html` };
const NOW = Date.UTC(2026, 10, 1, 12);
const feed = { key: 'linkedin:feed', kind: 'feed', label: 'LinkedIn · Feed' } as const;
const group = { key: 'linkedin:group:42', kind: 'group', label: 'LinkedIn · Group' } as const;

function post(id: string, overrides: Partial<PostRecord> = {}): PostRecord {
  return {
    platform: 'linkedin',
    id,
    author: { name: `Author ${id}`, handle: `author-${id}` },
    text: `post number ${id} about our quarterly results`,
    sponsored: false,
    truncated: false,
    audience: feed,
    seenAt: NOW - Number(id) * 60_000,
    label: Number(id) % 2 ? 'professional' : 'personal',
    pProfessional: Number(id) % 2 ? 0.9 : 0.1,
    uncertain: false,
    lang: 'en',
    model: MODEL,
    ...overrides,
  };
}

/** Each kind of damage, the field the validator must name, and the record (valid [platform, id] keys: the store requires them). */
const DAMAGED: [string, string, Record<string, unknown>][] = [
  ['no audience', 'audience', { ...post('101'), audience: undefined }],
  ['audience without a key', 'audience', { ...post('102'), audience: { label: 'x', kind: 'feed' } }],
  ['an unknown label', 'label', { ...post('103'), label: 'banana' }],
  ['a NaN probability', 'pProfessional', { ...post('104'), pProfessional: NaN }],
  ['a probability above 1', 'pProfessional', { ...post('105'), pProfessional: 1.5 }],
  ['seenAt a string', 'seenAt', { ...post('106'), seenAt: 'yesterday' }],
  ['no seenAt', 'seenAt', { ...post('107'), seenAt: undefined }],
  ['text not a string', 'text', { ...post('108'), text: 42 }],
  ['a garbage object', 'text', { platform: 'linkedin', id: '109', foo: [1, 2, 3] }],
  ['an unknown platform', 'platform', { ...post('110'), platform: 'myspace' }],
  ['a human label that is not one', 'humanLabel', { ...post('111'), humanLabel: 'maybe', humanLabelledAt: NOW }],
  ['uncertain not a boolean', 'uncertain', { ...post('112'), uncertain: 'yes' }],
  ['a language not known', 'lang', { ...post('113'), lang: 'de' }],
  ['a NaN seenAt (in no index)', 'seenAt', { ...post('114'), seenAt: NaN }],
];

let db: IDBDatabase;
let service: ReturnType<typeof createResearchService>;
beforeEach(async () => {
  // One clock for the service and the repairs readers schedule (they stamp what they set aside).
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  db = await openDatabase(new IDBFactory());
  service = createResearchService({
    database: async () => db,
    modelMeta,
    definitions: async () => undefined,
    extensionOrigin: ORIGIN,
    version: '0.1.0',
  });
});
afterEach(() => {
  vi.useRealTimers();
  fakeBrowser.reset();
});

/** Writes values straight into a store, as damage on disk would: no validator, no totals. */
async function plant(storeName: string, values: readonly unknown[]): Promise<void> {
  const tx = db.transaction(storeName, 'readwrite');
  for (const value of values) tx.objectStore(storeName).put(value);
  await transactionDone(tx);
}

async function all<T = unknown>(storeName: string): Promise<T[]> {
  return (await requestResult(db.transaction(storeName, 'readonly').objectStore(storeName).getAll())) as T[];
}

const SOUND = ['1', '2', '3', '4', '5'].map((id) => post(id));
const soundCounts = [{ audience: feed, posts: 5, professional: 3, personal: 2, uncertain: 0 }];

describe('the post record validator', () => {
  it.each(DAMAGED)('finds %s (field %s)', (_what, field, record) => {
    expect(postRecordProblem(record)?.field).toBe(field);
    expect(isPostRecord(record)).toBe(false);
  });

  it('passes sound records, old ones without cues or human label included', () => {
    expect(postRecordProblem(post('1'))).toBeNull();
    expect(postRecordProblem(post('2', { humanLabel: 'personal', humanLabelledAt: NOW, cues: { professional: [{ feature: 'q3', weight: 1 }], personal: [] } }))).toBeNull();
    expect(postRecordProblem({ ...post('3'), sponsored: undefined, permalink: undefined })).toBeNull();
  });
});

describe('damaged post records', () => {
  beforeEach(async () => {
    await addNewPosts(db, SOUND);
    await plant(POSTS_STORE, DAMAGED.map(([, , record]) => record));
  });

  it('are skipped by every reader, which never throws, then set aside with the totals recounted, and reported', async () => {
    expect(await countByAudience(db)).toEqual(soundCounts);
    expect((await recentPosts(db, 100)).map((r) => r.id).sort()).toEqual(['1', '2', '3', '4', '5']);
    expect((await latestPostsOf(db, ['linkedin:feed'], 100)).length).toBe(5);
    expect((await latestPostsByAuthors(db, new Set(['linkedin:author-1', 'linkedin:author-103']), 100)).map((r) => r.id)).toEqual(['1']);
    expect(await humanLabelledPosts(db)).toEqual([]);
    expect((await allPosts(db)).length).toBe(5);
    expect(await setHumanLabel(db, 'linkedin', '103', 'professional', NOW)).toBe(false);

    const h = service.handlers;
    expect(await h.getPostLabels({ to: 'background', type: 'getPostLabels', keys: [['linkedin', '1'], ['linkedin', '104'], ['linkedin', '999']] }, page)).toEqual([
      { label: 'professional', pProfessional: 0.9, uncertain: false },
      null,
      null,
    ]);
    const review = await h.getReviewPosts({ to: 'background', type: 'getReviewPosts', audienceKey: 'linkedin:feed', limit: 50 }, page);
    expect(review.map((p) => p.id).sort()).toEqual(['1', '2', '3', '4', '5']);
    const exported = await h.exportData({ to: 'background', type: 'exportData', format: 'ndjson' }, page);
    expect(exported.posts).toBe(5);

    await repairsSettled(db);
    // Set aside in one go: out of the posts, into quarantine with the field and reason, totals recounted.
    const quarantined = await all<QuarantineEntry>(QUARANTINE_STORE);
    expect(quarantined).toHaveLength(DAMAGED.length);
    expect(quarantined.every((e) => e.kind === 'post' && e.at > 0 && e.reason.length > 0)).toBe(true);
    expect(quarantined.map((e) => (e.record as { id: string }).id).sort()).toEqual(DAMAGED.map(([, , r]) => r.id).sort());
    expect((await all<PostRecord>(POSTS_STORE)).map((r) => r.id).sort()).toEqual(['1', '2', '3', '4', '5']);
    expect(await storeLooksSound(db)).toBe(true);
    const summary = await h.getSummary({ to: 'background', type: 'getSummary' }, page);
    expect(summary.audiences.map((a) => [a.audience.key, a.counts])).toEqual([['linkedin:feed', { posts: 5, professional: 3, personal: 2, uncertain: 0 }]]);

    const problems = await h.getStorageProblems({ to: 'background', type: 'getStorageProblems' }, page);
    expect(problems).toMatchObject({ posts: DAMAGED.length, totals: 0, settings: [], latestAt: NOW });
    const fields: Record<string, number> = {};
    for (const [, field] of DAMAGED) fields[field] = (fields[field] ?? 0) + 1;
    expect(problems.postFields).toEqual(fields);
  });

  it('are found by the background’s periodic check when no reader saw them (a record in no index)', async () => {
    // Only the getSummary path, which reads the totals and no post: the check after answering finds them.
    const first = await service.summary();
    expect(first.audiences.map((a) => a.counts.posts)).toEqual([5]);
    await repairsSettled(db);
    expect(await all(QUARANTINE_STORE)).toHaveLength(DAMAGED.length);
    expect(await storeLooksSound(db)).toBe(true);
  });

  it('a record damaged in place (same key, seenAt null) is seen by the index counts only', async () => {
    await repairsSettled(db);
    await service.summary();
    await repairsSettled(db);
    await plant(POSTS_STORE, [{ ...post('3'), seenAt: null }]); // null is no IndexedDB key: out of bySeenAt
    // The store and the totals still count the same: only the slower index count shows it.
    expect(await storeLooksSound(db)).toBe(true);
    expect(await storeLooksSound(db, { indexes: true })).toBe(false);
  });

  it('never reach the figures when the totals must be rebuilt, even if the rebuild trusts them', async () => {
    // A totals format from another version: loadAggregates rebuilds from the posts, and a record without
    // an audience makes that rebuild throw; the summary repairs the store and answers.
    const meta = (await all<{ key: string }>(AGGREGATES_STORE)).find((r) => r.key === META_KEY)!;
    await plant(AGGREGATES_STORE, [{ ...meta, format: -1 }]);
    await expect(loadAggregates(db)).rejects.toThrow();
    const summary = await service.summary();
    expect(summary.audiences.map((a) => [a.audience.key, a.counts])).toEqual([['linkedin:feed', { posts: 5, professional: 3, personal: 2, uncertain: 0 }]]);
    expect(await all(QUARANTINE_STORE)).toHaveLength(DAMAGED.length);
  });

  it('are shown until dismissed; damage found later shows again; retention and delete-everything clear them', async () => {
    await service.summary();
    await repairsSettled(db);
    const h = service.handlers;
    expect((await h.getStorageProblems({ to: 'background', type: 'getStorageProblems' }, page)).posts).toBe(DAMAGED.length);
    await expect(h.dismissStorageProblems({ to: 'background', type: 'dismissStorageProblems' }, { url: 'https://www.linkedin.com/feed/' })).rejects.toThrow();
    expect(await h.dismissStorageProblems({ to: 'background', type: 'dismissStorageProblems' }, page)).toMatchObject({ posts: 0, latestAt: null });
    expect((await h.getStorageProblems({ to: 'background', type: 'getStorageProblems' }, page)).posts).toBe(0);

    vi.setSystemTime(NOW + 60_000);
    await plant(POSTS_STORE, [{ ...post('200'), label: 'banana' }]);
    await countByAudience(db);
    await repairsSettled(db);
    expect(await h.getStorageProblems({ to: 'background', type: 'getStorageProblems' }, page)).toMatchObject({ posts: 1, postFields: { label: 1 } });
    expect(await all(QUARANTINE_STORE)).toHaveLength(DAMAGED.length + 1);

    // Retention drops what was set aside before the cutoff (it holds post text too).
    await deletePostsSeenBefore(db, NOW + 120_000);
    expect(await all(QUARANTINE_STORE)).toHaveLength(0);
    await plant(POSTS_STORE, [{ ...post('201'), label: 'banana' }]);
    await countByAudience(db);
    await repairsSettled(db);
    expect(await all(QUARANTINE_STORE)).toHaveLength(1);
    await h.deleteAllData({ to: 'background', type: 'deleteAllData', confirm: true }, page);
    expect(await all(QUARANTINE_STORE)).toHaveLength(0);
  });
});

describe('damaged totals', () => {
  it.each([
    ['a negative count', { posts: -3 }],
    ['a fractional count', { professional: 2.5 }],
    ['counts that do not add up', { personal: 7 }],
    ['languages that do not add up', { byLang: { fr: [0, 0], en: [1, 1], other: [0, 0] } }],
    ['no days', { byDay: null }],
  ])('finds %s, leaves the row out, recounts it from the posts and reports it', async (_what, damage) => {
    await addNewPosts(db, [...SOUND, post('6', { audience: group, seenAt: NOW })]);
    const rows = await all<{ key: string }>(AGGREGATES_STORE);
    const row = rows.find((r) => r.key === 'linkedin:feed')!;
    expect(aggregateRowProblem(row)).toBeNull();
    await plant(AGGREGATES_STORE, [{ ...row, ...damage }]);
    expect(aggregateRowProblem({ ...row, ...damage })).not.toBeNull();

    const first = await service.summary();
    expect(first.audiences.map((a) => a.audience.key)).toEqual(['linkedin:group:42']);
    await repairsSettled(db);
    const second = await service.summary();
    expect(second.audiences.map((a) => [a.audience.key, a.counts.posts])).toEqual([['linkedin:feed', 5], ['linkedin:group:42', 1]]);
    expect(await service.handlers.getStorageProblems({ to: 'background', type: 'getStorageProblems' }, page)).toMatchObject({ posts: 0, totals: 1 });
    expect((await all<QuarantineEntry>(QUARANTINE_STORE))[0]).toMatchObject({ kind: 'totals', record: { key: 'linkedin:feed' } });
  });
});

describe('damaged settings', () => {
  it('read as their valid part or the default wherever they are read, before any repair', async () => {
    await fakeBrowser.storage.local.set({
      preferences: 'garbage',
      audienceDefinitions: { renames: ['x'], merges: { a: 'b', c: 5 }, authorAudiences: [{ key: 'authors:ok', label: 'Ok', authors: [{ platform: 'x', handle: 'acme' }, { platform: 'myspace', handle: 'tom' }] }, { key: 'nope' }] },
      uiLanguage: 'klingon',
    });
    expect(await preferencesSetting.getValue()).toEqual(defaultPreferences());
    expect(await readPreferences()).toEqual(defaultPreferences());
    expect(await audienceDefinitionsSetting.getValue()).toEqual({
      renames: {},
      merges: { a: 'b' },
      authorAudiences: [{ key: 'authors:ok', label: 'Ok', authors: [{ platform: 'x', handle: 'acme' }] }],
    });
    expect(normaliseAudienceDefinitions(await fakeBrowser.storage.local.get('audienceDefinitions').then((v) => v.audienceDefinitions)).problems.sort()).toEqual(['authorAudiences', 'merges', 'renames']);
    expect(await uiLanguageSetting.getValue()).toBeNull();
    const seen: unknown[] = [];
    const unwatch = uiLanguageSetting.watch((value) => seen.push(value));
    await fakeBrowser.storage.local.set({ uiLanguage: { fr: true } });
    await vi.waitFor(() => expect(seen).toEqual([null]));
    unwatch();
    // The options page reads counts with the definitions: no throw.
    await addNewPosts(db, SOUND);
    expect(await countByAudience(db, await audienceDefinitionsSetting.getValue())).toEqual([
      ...soundCounts,
      { audience: { key: 'authors:ok', kind: 'list', label: 'Ok' }, posts: 0, professional: 0, personal: 0, uncertain: 0 },
    ]);
  });

  it('are read as their valid part or the default, repaired on disk, kept in quarantine and reported', async () => {
    await fakeBrowser.storage.local.set({
      preferences: { paused: 'yes', retentionDays: -5, badges: true, platforms: { x: false, linkedin: 3 } },
      audienceDefinitions: { renames: { 'linkedin:feed': 'Mon réseau', 'x:feed': 7 }, merges: [1, 2], authorAudiences: 'none' },
      uiLanguage: 42,
      pseudonymKey: { not: 'a key' },
    });
    const h = service.handlers;
    // Read through: valid values, nothing thrown.
    expect(await h.getPreferences({ to: 'background', type: 'getPreferences' }, page)).toMatchObject({ paused: false, retentionDays: 1, badges: true });

    const problems = await h.getStorageProblems({ to: 'background', type: 'getStorageProblems' }, page);
    expect(problems.settings.sort()).toEqual(['audienceDefinitions', 'preferences', 'pseudonymKey', 'uiLanguage']);
    expect(problems.latestAt).toBe(NOW);
    const stored = await fakeBrowser.storage.local.get(null);
    expect(stored.audienceDefinitions).toEqual({ renames: { 'linkedin:feed': 'Mon réseau' }, merges: {}, authorAudiences: [] });
    expect(stored.uiLanguage ?? null).toBeNull();
    expect(stored.pseudonymKey).toBeUndefined();
    expect(stored.preferences).toMatchObject({ paused: false, badges: true, platforms: { x: false, linkedin: true } });
    const kept = await all<QuarantineEntry>(QUARANTINE_STORE);
    expect(kept.find((e) => e.field === 'uiLanguage')).toMatchObject({ kind: 'setting', record: 42 });
    expect(kept.find((e) => e.field === 'preferences')?.reason).toBe('platforms, paused, retentionDays');
    // Repaired: the next check finds nothing new.
    expect(await checkSettings(db, NOW + 1)).toEqual([]);
  });

  it('leaves sound and older settings alone (a field added since is not damage)', async () => {
    await fakeBrowser.storage.local.set({ preferences: { paused: true }, uiLanguage: 'fr', audienceDefinitions: { renames: {}, merges: { a: 'b' }, authorAudiences: [] } });
    expect(await checkSettings(db, NOW)).toEqual([]);
    expect(await all(QUARANTINE_STORE)).toEqual([]);
  });
});
