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

/** Equal as IndexedDB keys (numbers, strings, dates and arrays of them). */
function sameKey(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameKey(x, b[i]));
  return a === b;
}

function keyPathValue(value: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((v, name) => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[name] : undefined), value);
}

/** Records per request when reading a whole index (getAllInChunks). */
export const READ_CHUNK = 10_000;

/**
 * `index.getAll(range)`, in the index's order, read `chunk` records at a time inside the caller's
 * transaction. One getAll of every post fails in Firefox once its answer is too large for the
 * browser's inter-process message (UnknownError): 200,000 posts of 250 characters did, of 55 did not
 * (scripts/bench/scale.ts; docs/BENCHMARKS.md, "Scale"). Each next request starts at the last index
 * key read and skips the records of that key already read (index order is key, then primary key).
 */
export async function getAllInChunks(index: IDBIndex, range: IDBKeyRange | null = null, chunk = READ_CHUNK): Promise<unknown[]> {
  const keyPath = index.keyPath;
  const keyOf = (value: unknown) => (Array.isArray(keyPath) ? keyPath.map((p) => keyPathValue(value, p)) : keyPathValue(value, keyPath));
  const out: unknown[] = [];
  let query = range;
  let skip = 0;
  for (;;) {
    const got = await requestResult(index.getAll(query, chunk + skip));
    for (let i = skip; i < got.length; i++) out.push(got[i]);
    if (got.length < chunk + skip) return out;
    const last = keyOf(got[got.length - 1]);
    skip = 0;
    for (let i = got.length - 1; i >= 0 && sameKey(keyOf(got[i]), last); i--) skip++;
    query = range?.upper !== undefined ? IDBKeyRange.bound(last, range.upper, false, range.upperOpen) : IDBKeyRange.lowerBound(last);
  }
}
