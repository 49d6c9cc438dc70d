/**
 * The durable queue between a tab's message and a stored, counted post. The background writes what a
 * tab sends here first, then classifies and moves it to the posts store, removing it from the queue in
 * the same transaction. A service worker stopped mid-batch, a closed inference host or a killed
 * browser leaves the posts here; the next background start drains them. Keyed like the posts, so a tab
 * that resends a batch after an error queues each post once, and a post already stored is not queued.
 */
import type { SeenPost } from '../messaging/protocol';
import { AGGREGATES_STORE, PENDING_STORE, POSTS_STORE, requestResult, transactionDone } from './db';
import { addNewPostsIn, postKey, type PostRecord } from './posts';

export interface PendingPost extends SeenPost {
  /** Epoch ms when the background received it. */
  receivedAt: number;
}

export interface EnqueueResult {
  /** Posts new to the queue. */
  queued: number;
  /** Posts already queued by an earlier message (a resend, another tab). */
  alreadyQueued: number;
  /** Posts already stored and counted. */
  alreadyStored: number;
}

export async function enqueuePosts(db: IDBDatabase, seen: readonly SeenPost[], receivedAt: number): Promise<EnqueueResult> {
  const result: EnqueueResult = { queued: 0, alreadyQueued: 0, alreadyStored: 0 };
  if (seen.length === 0) return result;
  const tx = db.transaction([POSTS_STORE, PENDING_STORE], 'readwrite');
  const posts = tx.objectStore(POSTS_STORE);
  const pending = tx.objectStore(PENDING_STORE);
  const inBatch = new Set<string>();
  for (const item of seen) {
    const key: [string, string] = [item.post.platform, item.post.id];
    if (inBatch.has(postKey(key))) {
      result.alreadyQueued++;
      continue;
    }
    inBatch.add(postKey(key));
    if ((await requestResult(posts.getKey(key))) !== undefined) result.alreadyStored++;
    else if ((await requestResult(pending.getKey(key))) !== undefined) result.alreadyQueued++;
    else {
      pending.add({ ...item, receivedAt } satisfies PendingPost);
      result.queued++;
    }
  }
  await transactionDone(tx);
  return result;
}

/** Up to `limit` queued posts, in key order (the queue is small: drained after every batch). */
export async function peekPending(db: IDBDatabase, limit: number): Promise<PendingPost[]> {
  const tx = db.transaction(PENDING_STORE, 'readonly');
  return (await requestResult(tx.objectStore(PENDING_STORE).getAll(null, limit))) as PendingPost[];
}

export async function countPending(db: IDBDatabase): Promise<number> {
  const tx = db.transaction(PENDING_STORE, 'readonly');
  return requestResult(tx.objectStore(PENDING_STORE).count());
}

/**
 * Stores the classified records (those not stored yet) and removes `done` from the queue, in one
 * transaction: a post leaves the queue exactly when it is counted. Returns how many were added.
 */
export async function storeFromQueue(
  db: IDBDatabase,
  records: readonly PostRecord[],
  done: readonly (readonly [string, string])[],
): Promise<number> {
  const tx = db.transaction([POSTS_STORE, AGGREGATES_STORE, PENDING_STORE], 'readwrite');
  const added = await addNewPostsIn(tx, records);
  const pending = tx.objectStore(PENDING_STORE);
  for (const key of done) pending.delete([...key]);
  await transactionDone(tx);
  return added;
}
