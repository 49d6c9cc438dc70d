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
import { AGGREGATES_STORE, POSTS_STORE, getAllInChunks, requestResult, transactionDone } from './db';
import { isPlatformId } from '../platforms/catalog';
import { reportDamagedPosts } from './integrity';
import { isRecord } from './isRecord';

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

/** What is wrong with a stored post record: the field and why (the quarantine keeps both). */
export interface RecordProblem {
  field: string;
  reason: string;
}

const LANGS: readonly unknown[] = ['fr', 'en', 'other'];
const isLabel = (value: unknown): value is Label => value === 'professional' || value === 'personal';
const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const isOptionalString = (value: unknown) => value === undefined || typeof value === 'string';

function isCueList(value: unknown): boolean {
  return Array.isArray(value) && value.every((cue) => isRecord(cue) && typeof cue.feature === 'string' && isFiniteNumber(cue.weight));
}

/**
 * The one check of a stored post record, used by every reader (counts, summary, review, export,
 * badges) instead of trusting `as PostRecord`: a record damaged on disk, by an older bug or by hand is
 * skipped where it is read and set aside (utils/storage/integrity.ts). Checks the fields readers use;
 * null when the record is sound.
 */
export function postRecordProblem(value: unknown): RecordProblem | null {
  if (!isRecord(value)) return { field: 'record', reason: 'not an object' };
  const r = value;
  const problem = (field: string, reason: string): RecordProblem => ({ field, reason });
  if (!isPlatformId(r.platform)) return problem('platform', 'not a known platform');
  if (typeof r.id !== 'string' || r.id === '') return problem('id', 'not a non-empty string');
  if (typeof r.text !== 'string') return problem('text', 'not a string');
  if (!isRecord(r.author) || !isOptionalString(r.author.name) || !isOptionalString(r.author.handle)) return problem('author', 'not an author');
  if (!isRecord(r.audience) || typeof r.audience.key !== 'string' || r.audience.key === '' || typeof r.audience.kind !== 'string' || typeof r.audience.label !== 'string') {
    return problem('audience', 'not an audience (key, kind, label)');
  }
  if (!isFiniteNumber(r.seenAt)) return problem('seenAt', 'not a time');
  if (!isLabel(r.label)) return problem('label', "not 'professional' or 'personal'");
  if (!isFiniteNumber(r.pProfessional) || r.pProfessional < 0 || r.pProfessional > 1) return problem('pProfessional', 'not a probability in [0, 1]');
  if (typeof r.uncertain !== 'boolean') return problem('uncertain', 'not true or false');
  if (!LANGS.includes(r.lang)) return problem('lang', "not 'fr', 'en' or 'other'");
  if (typeof r.model !== 'string') return problem('model', 'not a string');
  if (r.sponsored !== undefined && typeof r.sponsored !== 'boolean') return problem('sponsored', 'not true or false');
  if (!isOptionalString(r.permalink)) return problem('permalink', 'not a string');
  if (r.cues !== undefined && !(isRecord(r.cues) && isCueList(r.cues.professional) && isCueList(r.cues.personal))) return problem('cues', 'not two lists of cues');
  if (r.humanLabel !== undefined && !isLabel(r.humanLabel)) return problem('humanLabel', "not 'professional' or 'personal'");
  if (r.humanLabelledAt !== undefined && !isFiniteNumber(r.humanLabelledAt)) return problem('humanLabelledAt', 'not a time');
  return null;
}

/** The type guard every reader of the posts store uses. */
export function isPostRecord(value: unknown): value is PostRecord {
  return postRecordProblem(value) === null;
}

/**
 * The sound records among those read from `db`; when some are not, has them set aside (after this
 * read, in the background: utils/storage/integrity.ts). Readers never throw on a damaged record.
 */
export function soundPosts(db: IDBDatabase, values: readonly unknown[]): PostRecord[] {
  const sound = values.filter(isPostRecord);
  if (sound.length < values.length) reportDamagedPosts(db, values.length - sound.length);
  return sound;
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
  // In chunks: one getAll of 200,000 posts is an answer too large for Firefox (docs/BENCHMARKS.md, "Scale").
  const tx = db.transaction(POSTS_STORE, 'readonly');
  const records = await getAllInChunks(tx.objectStore(POSTS_STORE).index('bySeenAt'));
  return tallyAudiences(soundPosts(db, records), definitions, options);
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
export function recentPosts(db: IDBDatabase, limit: number): Promise<PostRecord[]> {
  const index = db.transaction(POSTS_STORE, 'readonly').objectStore(POSTS_STORE).index('bySeenAt');
  return newestSoundPosts(db, index, null, limit);
}

/**
 * Up to `limit` sound records of `index` within `range`, last key first; damaged ones are skipped and
 * reported (utils/storage/integrity.ts) rather than counted toward the limit.
 */
export function newestSoundPosts(db: IDBDatabase, index: IDBIndex, range: IDBKeyRange | null, limit: number): Promise<PostRecord[]> {
  const out: PostRecord[] = [];
  let damaged = 0;
  return new Promise((resolve, reject) => {
    const cursorRequest = index.openCursor(range, 'prev');
    cursorRequest.onerror = () => reject(cursorRequest.error ?? new Error('IndexedDB cursor failed'));
    cursorRequest.onsuccess = () => {
      const cursor = cursorRequest.result;
      if (!cursor || out.length >= limit) {
        if (damaged > 0) reportDamagedPosts(db, damaged);
        return resolve(out);
      }
      if (isPostRecord(cursor.value)) out.push(cursor.value);
      else damaged++;
      cursor.continue();
    };
  });
}
