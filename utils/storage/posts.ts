/**
 * Per-post records and the per-audience counts the popup shows. A post is counted once per
 * [platform, id], under the audience it was first seen in; later sightings (another tab, a recycled
 * element, a scroll back up) change nothing. Sponsored posts are stored too (`sponsored: true`) and
 * left out of counts by default.
 */
import type { Label, Lang, Prediction } from '../model/types';
import type { AudienceRef, ExtractedPost } from '../platforms/types';
import type { AudienceDefinitions } from './audienceDefinitions';
import { tallyAudiences, viewRows, type TallyOptions } from './audienceTally';
import { updateAggregates } from './aggregates';
import { AGGREGATES_STORE, POSTS_STORE, requestResult, transactionDone } from './db';

export interface PostRecord extends ExtractedPost {
  audience: AudienceRef;
  /** Epoch ms when the post was first seen for 500 ms. */
  seenAt: number;
  label: Label;
  pProfessional: number;
  uncertain: boolean;
  lang: Lang;
  /** `${meta.id}@${meta.version}` of the model that classified it. */
  model: string;
  /** The n-grams that pushed the label (stored from DB version 2; absent on older records). */
  cues?: Prediction['cues'];
  /** The user's own label (review screen); absent until they give one. */
  humanLabel?: Label;
  /** Epoch ms of the human label. */
  humanLabelledAt?: number;
}

export interface AudienceCounts {
  audience: AudienceRef;
  posts: number;
  professional: number;
  personal: number;
  uncertain: number;
}

/** Which of these [platform, id] keys are already stored. */
export async function knownPostKeys(
  db: IDBDatabase,
  keys: readonly (readonly [string, string])[],
): Promise<Set<string>> {
  const tx = db.transaction(POSTS_STORE, 'readonly');
  const store = tx.objectStore(POSTS_STORE);
  const found = await Promise.all(keys.map((key) => requestResult(store.getKey([...key]))));
  return new Set(keys.filter((_, i) => found[i] !== undefined).map(postKey));
}

export function postKey([platform, id]: readonly [string, string]): string {
  return `${platform}\u0000${id}`;
}

/**
 * Adds the records whose [platform, id] is not stored yet, in one transaction (so two tabs racing on
 * the same post cannot both add it). Returns how many were added.
 */
export async function addNewPosts(db: IDBDatabase, records: readonly PostRecord[]): Promise<number> {
  const tx = db.transaction([POSTS_STORE, AGGREGATES_STORE], 'readwrite');
  const added = await addNewPostsIn(tx, records);
  await transactionDone(tx);
  return added;
}

/**
 * addNewPosts inside a transaction the caller opened over at least the posts and aggregates stores
 * (the durable queue also removes the records from its own store in the same transaction).
 */
export async function addNewPostsIn(tx: IDBTransaction, records: readonly PostRecord[]): Promise<number> {
  const store = tx.objectStore(POSTS_STORE);
  const addedRecords: PostRecord[] = [];
  const seenInBatch = new Set<string>();
  for (const record of records) {
    const key = postKey([record.platform, record.id]);
    if (seenInBatch.has(key)) continue;
    seenInBatch.add(key);
    const existing = await requestResult(store.getKey([record.platform, record.id]));
    if (existing !== undefined) continue;
    store.add(record);
    addedRecords.push(record);
  }
  // The popup's running totals change in the same transaction (utils/storage/aggregates.ts).
  await updateAggregates(tx.objectStore(AGGREGATES_STORE), addedRecords, 1);
  return addedRecords.length;
}

/**
 * One row per audience, in order of first sighting, as the user defined audiences (renames, merges,
 * author lists: utils/storage/audienceTally.ts); sponsored posts are left out unless asked for.
 */
export async function countByAudience(
  db: IDBDatabase,
  definitions?: AudienceDefinitions,
  options?: TallyOptions,
): Promise<AudienceCounts[]> {
  const tx = db.transaction(POSTS_STORE, 'readonly');
  const records = await requestResult(tx.objectStore(POSTS_STORE).index('bySeenAt').getAll());
  return tallyAudiences(records as PostRecord[], definitions, options);
}

/** Totals of the view audiences (author lists repeat posts already counted in their views). */
export function sumCounts(rows: readonly AudienceCounts[]): Omit<AudienceCounts, 'audience'> {
  const totals = { posts: 0, professional: 0, personal: 0, uncertain: 0 };
  for (const row of viewRows(rows)) {
    totals.posts += row.posts;
    totals.professional += row.professional;
    totals.personal += row.personal;
    totals.uncertain += row.uncertain;
  }
  return totals;
}

/** The most recently seen posts, newest first. */
export async function recentPosts(db: IDBDatabase, limit: number): Promise<PostRecord[]> {
  const tx = db.transaction(POSTS_STORE, 'readonly');
  const index = tx.objectStore(POSTS_STORE).index('bySeenAt');
  const out: PostRecord[] = [];
  return new Promise((resolve, reject) => {
    const cursorRequest = index.openCursor(null, 'prev');
    cursorRequest.onerror = () => reject(cursorRequest.error ?? new Error('IndexedDB cursor failed'));
    cursorRequest.onsuccess = () => {
      const cursor = cursorRequest.result;
      if (!cursor || out.length >= limit) return resolve(out);
      out.push(cursor.value as PostRecord);
      cursor.continue();
    };
  });
}
