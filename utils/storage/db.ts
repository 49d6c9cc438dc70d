/**
 * Properso's IndexedDB database, versioned from day one. Each schema version has one upgrade function;
 * opening an older database runs every upgrade after its version, in order, inside the version-change
 * transaction, so a user who skipped releases is migrated step by step. Only the background opens it
 * for writing (it is the one writer of stored data); tests pass fake-indexeddb's factory.
 */
import { buildAggregates, currentTimeZone, writeAggregates } from './aggregates';
import type { PostRecord } from './posts';

export const DB_NAME = 'properso';
export const POSTS_STORE = 'posts';
/** Per-audience running totals (utils/storage/aggregates.ts), from version 2. */
export const AGGREGATES_STORE = 'aggregates';
/** Posts received from the tabs, kept until classified and stored (utils/storage/pendingQueue.ts), from version 3. */
export const PENDING_STORE = 'pending';
/** Stored records found damaged, set aside with the reason (utils/storage/integrity.ts), from version 3. */
export const QUARANTINE_STORE = 'quarantine';

/** Upgrade from version `n - 1` to `n` is `UPGRADES[n - 1]`. Append, never edit a shipped one. */
export const UPGRADES: readonly ((db: IDBDatabase, tx: IDBTransaction) => void)[] = [
  // v1: one record per post, keyed by [platform, id] so that a post seen in two tabs is counted once.
  (db) => {
    const posts = db.createObjectStore(POSTS_STORE, { keyPath: ['platform', 'id'] });
    posts.createIndex('byAudience', 'audience.key');
    posts.createIndex('bySeenAt', 'seenAt');
  },
  // v2 (review and popup figures): an audience's posts newest first (the review list), the posts a
  // human labelled (`humanLabel`, absent on the others, so this index holds only those), and the
  // per-audience totals, counted here from the posts already stored.
  (db, tx) => {
    const posts = tx.objectStore(POSTS_STORE);
    posts.createIndex('byAudienceSeenAt', ['audience.key', 'seenAt']);
    posts.createIndex('byHumanLabel', 'humanLabel');
    const aggregates = db.createObjectStore(AGGREGATES_STORE, { keyPath: 'key' });
    const all = posts.index('bySeenAt').getAll();
    all.onsuccess = () => writeAggregates(aggregates, buildAggregates(all.result as PostRecord[], currentTimeZone()));
  },
  // v3 (nothing lost): the durable queue between a tab's message and the stored record, keyed like the
  // posts so that a post resent after a crash is queued once; and the damaged records set aside.
  (db) => {
    db.createObjectStore(PENDING_STORE, { keyPath: ['post.platform', 'post.id'] });
    db.createObjectStore(QUARANTINE_STORE, { autoIncrement: true });
  },
];

export const DB_VERSION = UPGRADES.length;

export function openDatabase(
  factory: IDBFactory = indexedDB,
  name = DB_NAME,
  version = DB_VERSION,
): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = factory.open(name, version);
    request.onupgradeneeded = (event) => {
      const db = request.result;
      const tx = request.transaction;
      if (!tx) throw new Error('IndexedDB upgrade without a transaction');
      for (let v = event.oldVersion; v < (event.newVersion ?? version); v++) UPGRADES[v]?.(db, tx);
    };
    request.onsuccess = () => {
      const db = request.result;
      // Another context (a newer extension version) wants to upgrade: let it.
      db.onversionchange = () => db.close();
      resolve(db);
    };
    request.onerror = () => reject(request.error ?? new Error(`Cannot open IndexedDB ${name}`));
    request.onblocked = () => reject(new Error(`IndexedDB ${name} upgrade blocked by an open connection`));
  });
}

/** Resolves with a request's result; rejects with its error. */
export function requestResult<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

/** Resolves when a transaction commits; rejects when it aborts. */
export function transactionDone(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}
