/**
 * What the review screen and the data settings do to stored posts: read an audience's latest posts,
 * record a human label (`humanLabel`), read every human label (the human-coded sample), delete posts
 * older than the retention period, delete everything. Only the background calls these (the one
 * writer); deletions update the per-audience totals in the same transaction.
 */
import type { Label } from '../model/types';
import { updateAggregates, authorKey } from './aggregates';
import { AGGREGATES_STORE, POSTS_STORE, QUARANTINE_STORE, getAllInChunks, requestResult, transactionDone } from './db';
import { reportDamagedPosts } from './integrity';
import { isPostRecord, newestSoundPosts, soundPosts, type PostRecord } from './posts';

/** The newest posts of these audience keys (several when audiences are merged), newest first. */
export async function latestPostsOf(db: IDBDatabase, audienceKeys: readonly string[], limit: number): Promise<PostRecord[]> {
  const tx = db.transaction(POSTS_STORE, 'readonly');
  const index = tx.objectStore(POSTS_STORE).index('byAudienceSeenAt');
  const lists = await Promise.all(
    audienceKeys.map((key) => newestSoundPosts(db, index, IDBKeyRange.bound([key, -Infinity], [key, Infinity]), limit)),
  );
  return lists.flat().sort((a, b) => b.seenAt - a.seenAt).slice(0, limit);
}

/**
 * The newest posts by these authors (keys as `authorKey` makes them), newest first: the review list
 * of an author-list audience. Scans at most `scanLimit` posts back in time.
 */
export async function latestPostsByAuthors(db: IDBDatabase, authors: ReadonlySet<string>, limit: number, scanLimit = 20_000): Promise<PostRecord[]> {
  const tx = db.transaction(POSTS_STORE, 'readonly');
  const index = tx.objectStore(POSTS_STORE).index('bySeenAt');
  return new Promise((resolve, reject) => {
    const out: PostRecord[] = [];
    let scanned = 0;
    let damaged = 0;
    const request = index.openCursor(null, 'prev');
    request.onerror = () => reject(request.error ?? new Error('IndexedDB cursor failed'));
    request.onsuccess = () => {
      const cursor = request.result;
      if (!cursor || out.length >= limit || scanned >= scanLimit) {
        if (damaged > 0) reportDamagedPosts(db, damaged);
        return resolve(out);
      }
      scanned++;
      const record: unknown = cursor.value;
      if (!isPostRecord(record)) damaged++;
      else {
        const key = authorKey(record);
        if (key !== null && authors.has(key)) out.push(record);
      }
      cursor.continue();
    };
  });
}

/** Sets (or, with null, removes) the human label of one post. False when the post is not stored. */
export async function setHumanLabel(db: IDBDatabase, platform: string, id: string, label: Label | null, now = Date.now()): Promise<boolean> {
  const tx = db.transaction(POSTS_STORE, 'readwrite');
  const store = tx.objectStore(POSTS_STORE);
  const record: unknown = await requestResult(store.get([platform, id]));
  if (!isPostRecord(record)) {
    await transactionDone(tx);
    // A damaged record is not labelled (it is left out of every figure) but set aside.
    if (record !== undefined) reportDamagedPosts(db, 1);
    return false;
  }
  if (label === null) {
    // Absent, not null: the byHumanLabel index then holds only labelled posts.
    delete record.humanLabel;
    delete record.humanLabelledAt;
  } else {
    record.humanLabel = label;
    record.humanLabelledAt = now;
  }
  store.put(record);
  await transactionDone(tx);
  return true;
}

/** Every post a human labelled (the human-coded sample). */
export async function humanLabelledPosts(db: IDBDatabase): Promise<PostRecord[]> {
  const tx = db.transaction(POSTS_STORE, 'readonly');
  return soundPosts(db, await requestResult(tx.objectStore(POSTS_STORE).index('byHumanLabel').getAll()));
}

/** Every audience key some stored post has (the byAudience index's distinct keys: a jump per key). */
async function audienceKeysOfPosts(db: IDBDatabase): Promise<IDBValidKey[]> {
  const index = db.transaction(POSTS_STORE, 'readonly').objectStore(POSTS_STORE).index('byAudience');
  return new Promise((resolve, reject) => {
    const keys: IDBValidKey[] = [];
    const request = index.openKeyCursor(null, 'nextunique');
    request.onerror = () => reject(request.error ?? new Error('IndexedDB cursor failed'));
    request.onsuccess = () => {
      const cursor = request.result;
      if (!cursor) return resolve(keys);
      keys.push(cursor.key);
      cursor.continue();
    };
  });
}

/** Posts deleted per transaction by deletePostsSeenBefore. */
export const PURGE_CHUNK = 2_000;

/**
 * Deletes the posts first seen before `cutoff` (epoch ms) and takes them out of the totals, and the
 * records set aside as damaged before it (they hold post text too). Returns how many posts.
 *
 * Audience by audience, oldest first, at most `PURGE_CHUNK` posts a transaction, each with its
 * audience's totals row (scripts/bench/scale.ts; docs/BENCHMARKS.md, "Scale"):
 * - in one transaction, lowering the retention from 45 to 30 days over 200,000 posts kept a popup
 *   opened meanwhile waiting 8.5 s in Chromium, and a purge stopped halfway (Firefox suspends an
 *   idle background page; the browser closes) kept nothing of its work;
 * - in chunks of posts of every audience, each chunk read and rewrote every audience's row (their
 *   per-author and per-day tallies: 3 MB at 200,000 posts), which doubled the purge's time.
 * Stopped halfway, the rest goes at the next run (every start and daily); the totals always match
 * the posts left.
 */
export async function deletePostsSeenBefore(db: IDBDatabase, cutoff: number): Promise<number> {
  let deleted = 0;
  let damaged = 0;
  // Most runs (every start, daily) find nothing to delete: one look instead of a transaction per audience.
  const oldest = db.transaction(POSTS_STORE, 'readonly').objectStore(POSTS_STORE).index('bySeenAt').getKey(IDBKeyRange.upperBound(cutoff, true));
  const audiences = (await requestResult(oldest)) === undefined ? [] : await audienceKeysOfPosts(db);
  for (const audience of audiences) {
    // Each chunk starts at the last `seenAt` of the one before; damaged records stay in the index
    // (integrity.ts sets them aside), so those of that `seenAt` already counted are skipped.
    let from = -Infinity;
    let skip = 0;
    for (;;) {
      const tx = db.transaction([POSTS_STORE, AGGREGATES_STORE], 'readwrite');
      const store = tx.objectStore(POSTS_STORE);
      const range = IDBKeyRange.bound([audience, from], [audience, cutoff], false, true);
      const got: unknown[] = await requestResult(store.index('byAudienceSeenAt').getAll(range, PURGE_CHUNK + skip));
      const old = got.slice(skip);
      const sound = old.filter(isPostRecord);
      for (const record of sound) store.delete([record.platform, record.id]);
      // Damaged ones (seenAt a number, the rest not) stay for integrity.ts to set aside and recount.
      const last = (got.at(-1) as { seenAt?: unknown } | undefined)?.seenAt;
      const done = got.length < PURGE_CHUNK + skip || typeof last !== 'number';
      // Every sound post of this audience seen before `last` is gone now (before `cutoff` once done).
      await updateAggregates(tx.objectStore(AGGREGATES_STORE), sound, -1, store, done ? cutoff : (last as number));
      await transactionDone(tx);
      deleted += sound.length;
      damaged += old.length - sound.length;
      if (done) break;
      skip = got.filter((r) => (r as { seenAt?: unknown }).seenAt === last && !isPostRecord(r)).length;
      from = last;
    }
  }
  const tx = db.transaction(QUARANTINE_STORE, 'readwrite');
  const quarantine = tx.objectStore(QUARANTINE_STORE);
  const setAside = await requestResult(quarantine.getAll());
  const setAsideKeys = await requestResult(quarantine.getAllKeys());
  setAside.forEach((entry: { at?: unknown }, i) => {
    if (typeof entry?.at !== 'number' || entry.at < cutoff) quarantine.delete(setAsideKeys[i]!);
  });
  await transactionDone(tx);
  if (damaged > 0) reportDamagedPosts(db, damaged);
  return deleted;
}

/** Deletes every stored post, every total and every record set aside as damaged. */
export async function deleteAllPosts(db: IDBDatabase): Promise<void> {
  const tx = db.transaction([POSTS_STORE, AGGREGATES_STORE, QUARANTINE_STORE], 'readwrite');
  tx.objectStore(POSTS_STORE).clear();
  tx.objectStore(AGGREGATES_STORE).clear();
  tx.objectStore(QUARANTINE_STORE).clear();
  await transactionDone(tx);
}

/** All stored posts, oldest first (the research export); damaged records are left out. */
export async function allPosts(db: IDBDatabase): Promise<PostRecord[]> {
  const tx = db.transaction(POSTS_STORE, 'readonly');
  return soundPosts(db, await getAllInChunks(tx.objectStore(POSTS_STORE).index('bySeenAt')));
}
