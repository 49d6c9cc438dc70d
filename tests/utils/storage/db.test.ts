// Catches schema drift: every version's upgrade runs in order, from an empty or an older database.
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { AGGREGATES_STORE, DB_VERSION, POSTS_STORE, UPGRADES, openDatabase } from '@/utils/storage/db';
import { buildAggregates, currentTimeZone, loadAggregates, META_KEY } from '@/utils/storage/aggregates';
import { humanLabelledPosts } from '@/utils/storage/review';
import { syntheticRecords } from '@/utils/summary/synthetic';
import type { PostRecord } from '@/utils/storage/posts';

describe('openDatabase', () => {
  it('creates the posts store keyed by [platform, id] with its indexes, and the totals store (v2)', async () => {
    const db = await openDatabase(new IDBFactory());
    expect(db.version).toBe(DB_VERSION);
    expect(DB_VERSION).toBe(UPGRADES.length);
    const store = db.transaction(POSTS_STORE).objectStore(POSTS_STORE);
    expect(store.keyPath).toEqual(['platform', 'id']);
    expect([...store.indexNames].sort()).toEqual(['byAudience', 'byAudienceSeenAt', 'byHumanLabel', 'bySeenAt']);
    expect(store.index('byAudience').keyPath).toBe('audience.key');
    expect(store.index('byAudienceSeenAt').keyPath).toEqual(['audience.key', 'seenAt']);
    expect(db.transaction(AGGREGATES_STORE).objectStore(AGGREGATES_STORE).keyPath).toBe('key');
    db.close();
  });

  it('migrates a version 1 database with posts: kept as they were, counted in the new totals, none labelled', async () => {
    const factory = new IDBFactory();
    const v1 = await openDatabase(factory, 'properso-v1', 1);
    // Version 1 records had no cues and no human label.
    const records = syntheticRecords(300).map(({ cues: _cues, ...r }) => r as PostRecord);
    const tx = v1.transaction(POSTS_STORE, 'readwrite');
    for (const r of records) tx.objectStore(POSTS_STORE).add(r);
    await new Promise((resolve) => (tx.oncomplete = resolve));
    expect(v1.objectStoreNames.contains(AGGREGATES_STORE)).toBe(false);
    v1.close();

    const v2 = await openDatabase(factory, 'properso-v1', 2);
    const all = v2.transaction(POSTS_STORE).objectStore(POSTS_STORE).getAll();
    await new Promise((resolve) => (all.onsuccess = resolve));
    expect(all.result).toHaveLength(300);
    expect((all.result as PostRecord[]).every((r) => r.cues === undefined)).toBe(true);
    const loaded = await loadAggregates(v2, currentTimeZone());
    expect(loaded.rebuilt).toBe(false); // counted by the upgrade itself
    expect(loaded.meta).toMatchObject({ key: META_KEY, records: 300 });
    const sort = (rows: { key: string }[]) => [...rows].sort((a, b) => (a.key < b.key ? -1 : 1));
    expect(sort(loaded.rows)).toEqual(sort(buildAggregates(records, currentTimeZone()).rows));
    expect(await humanLabelledPosts(v2)).toEqual([]);
    v2.close();
  });

  it('keeps data when reopened at the same version', async () => {
    const factory = new IDBFactory();
    const first = await openDatabase(factory);
    const tx = first.transaction(POSTS_STORE, 'readwrite');
    tx.objectStore(POSTS_STORE).add({ platform: 'linkedin', id: '1', audience: { key: 'k' }, seenAt: 1 });
    await new Promise((resolve) => (tx.oncomplete = resolve));
    first.close();
    const again = await openDatabase(factory);
    const count = again.transaction(POSTS_STORE).objectStore(POSTS_STORE).count();
    await new Promise((resolve) => (count.onsuccess = resolve));
    expect(count.result).toBe(1);
    again.close();
  });

  it('runs only the upgrades after the stored version', async () => {
    const factory = new IDBFactory();
    // A database at the current version opened by a build whose schema has one more (test-only) version.
    (await openDatabase(factory, 'migrations', DB_VERSION)).close();
    const ran: number[] = [];
    (UPGRADES as ((db: IDBDatabase) => void)[]).push(() => ran.push(DB_VERSION + 1));
    try {
      const db = await openDatabase(factory, 'migrations', DB_VERSION + 1);
      expect(ran).toEqual([DB_VERSION + 1]);
      expect(db.objectStoreNames.contains(POSTS_STORE)).toBe(true);
      db.close();
    } finally {
      (UPGRADES as unknown[]).pop();
    }
  });
});
