// Catches schema drift: every version's upgrade runs in order, from an empty or an older database.
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { DB_VERSION, POSTS_STORE, UPGRADES, openDatabase } from '@/utils/storage/db';

describe('openDatabase', () => {
  it('creates the posts store keyed by [platform, id] with its indexes (v1)', async () => {
    const db = await openDatabase(new IDBFactory());
    expect(db.version).toBe(DB_VERSION);
    expect(DB_VERSION).toBe(UPGRADES.length);
    const store = db.transaction(POSTS_STORE).objectStore(POSTS_STORE);
    expect(store.keyPath).toEqual(['platform', 'id']);
    expect([...store.indexNames].sort()).toEqual(['byAudience', 'bySeenAt']);
    expect(store.index('byAudience').keyPath).toBe('audience.key');
    db.close();
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
    // A database at version 1 opened by a build whose schema has one more (test-only) version.
    (await openDatabase(factory, 'migrations', 1)).close();
    const ran: number[] = [];
    (UPGRADES as ((db: IDBDatabase) => void)[]).push(() => ran.push(2));
    try {
      const db = await openDatabase(factory, 'migrations', 2);
      expect(ran).toEqual([2]);
      expect(db.objectStoreNames.contains(POSTS_STORE)).toBe(true);
      db.close();
    } finally {
      (UPGRADES as unknown[]).pop();
    }
  });
});
