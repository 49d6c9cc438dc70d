/**
 * Per-audience running totals, so that the popup's figures come from a few hundred numbers instead of
 * a scan of every stored post (100,000 posts: docs/BENCHMARKS.md, "Popup"). One row per audience key
 * as first seen (merges and author lists are applied when the summary is read, as for the counts:
 * utils/storage/audienceTally.ts), updated in the same IndexedDB transaction as the posts they count
 * (adding: utils/storage/posts.ts; deleting: utils/storage/review.ts).
 *
 * A `#meta` row records how many posts the rows count, the time zone of their days and the row
 * format. When any of them disagrees with the store (a crash between two versions, the user's time
 * zone changed, a new format), `loadAggregates` rebuilds every row from the posts: slower once,
 * right afterwards.
 */
import type { Lang } from '../model/types';
import { localDay } from '../statistics/timeZone';
import type { AudienceRef } from '../platforms/types';
import { normaliseHandle } from './audienceDefinitions';
import { AGGREGATES_STORE, POSTS_STORE, getAllInChunks, requestResult, transactionDone } from './db';
import type { PostRecord } from './posts';

/** Bumped when the row shape changes: rows of another format are rebuilt on load. */
export const AGGREGATE_FORMAT = 1;
export const META_KEY = '#meta';

/** [n, k]: posts with a label, of which professional. */
export type Tally = [number, number];
/**
 * Per author: [n, k, n fr, k fr, n en, k en, posts, uncertain, confidently professional]: labelled
 * posts and their language split (author lists are corrected per language), then the table's counts
 * (all non-sponsored posts, text or not) so that an author list shows the same counts as getCounts.
 */
export type AuthorTally = [number, number, number, number, number, number, number, number, number];
export const AUTHOR_TALLY = { n: 0, k: 1, nFr: 2, kFr: 3, nEn: 4, kEn: 5, posts: 6, uncertain: 7, professional: 8 } as const;

export interface AudienceAggregate {
  /** The audience key as the posts carry it (before merges). */
  key: string;
  /** The audience as first seen (its label before renames). */
  audience: AudienceRef;
  firstSeenAt: number;
  /** The counts the popup table shows (as countByAudience): sponsored posts left out. */
  posts: number;
  professional: number;
  personal: number;
  uncertain: number;
  /** Sponsored posts: stored, not the audience, counted apart. */
  sponsored: number;
  /** Posts without text: no label to count in any share. */
  noText: number;
  /** Labelled posts (with text, not sponsored): what every share is computed on. */
  n: number;
  k: number;
  byLang: Record<Lang, Tally>;
  /** Model (`id@version`) → labelled posts it classified. */
  byModel: Record<string, number>;
  /** Author key (`platform:handle`, see authorKey) → tallies. */
  byAuthor: Record<string, AuthorTally>;
  /** Labelled posts without a known author. */
  withoutAuthor: number;
  /** Local day of `seenAt` ("YYYY-MM-DD" in the meta row's time zone) → tally. */
  byDay: Record<string, Tally>;
}

export interface AggregateMeta {
  key: typeof META_KEY;
  format: number;
  timeZone: string;
  /** Stored posts counted by the rows (sponsored and text-less ones included). */
  records: number;
}

/** The time zone of this browser (days of the trend). */
export function currentTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** How posts are attributed to authors: the handle (as author lists compare them), else the shown name. */
export function authorKey(record: Pick<PostRecord, 'platform' | 'author'>): string | null {
  const handle = record.author?.handle ? normaliseHandle(record.author.handle) : '';
  if (handle) return `${record.platform}:${handle}`;
  const name = record.author?.name?.trim();
  return name ? `${record.platform}:~${name}` : null;
}

/** A post counts in shares when it has text (a label) and is not sponsored. */
export function isLabelled(record: Pick<PostRecord, 'text' | 'sponsored'>): boolean {
  return !record.sponsored && typeof record.text === 'string' && record.text.trim() !== '';
}

export function emptyAggregate(record: Pick<PostRecord, 'audience' | 'seenAt'>): AudienceAggregate {
  return {
    key: record.audience.key,
    audience: { ...record.audience },
    firstSeenAt: record.seenAt,
    posts: 0,
    professional: 0,
    personal: 0,
    uncertain: 0,
    sponsored: 0,
    noText: 0,
    n: 0,
    k: 0,
    byLang: { fr: [0, 0], en: [0, 0], other: [0, 0] },
    byModel: {},
    byAuthor: {},
    withoutAuthor: 0,
    byDay: {},
  };
}

/**
 * Local days, cached per 15-minute slot: every time zone's offset is a multiple of 15 minutes, so a
 * slot never straddles a local midnight, and 100,000 posts cost a few thousand Intl calls.
 */
export function dayOfFactory(timeZone: string): (ms: number) => string {
  const cache = new Map<number, string>();
  return (ms) => {
    const slot = Math.floor(ms / 900_000);
    let day = cache.get(slot);
    if (day === undefined) {
      day = localDay(slot * 900_000, timeZone);
      cache.set(slot, day);
    }
    return day;
  };
}

function bump(tally: number[], index: number, by: number): void {
  tally[index] = (tally[index] ?? 0) + by;
}

/** Adds (sign 1) or removes (sign −1) one post's contribution. Mutates `agg`. */
export function applyRecord(agg: AudienceAggregate, record: PostRecord, dayOf: (ms: number) => string, sign: 1 | -1): void {
  if (sign === 1 && record.seenAt < agg.firstSeenAt) agg.firstSeenAt = record.seenAt;
  if (record.sponsored) {
    agg.sponsored += sign;
    return;
  }
  const labelled = isLabelled(record);
  const pro = labelled && record.label === 'professional' ? sign : 0;
  const lang: Lang = record.lang === 'fr' || record.lang === 'en' ? record.lang : 'other';
  const confidentPro = !record.uncertain && record.label === 'professional' ? sign : 0;
  agg.posts += sign;
  if (record.uncertain) agg.uncertain += sign;
  else if (record.label === 'professional') agg.professional += sign;
  else agg.personal += sign;

  const author = authorKey(record);
  if (author !== null) {
    const t = (agg.byAuthor[author] ??= [0, 0, 0, 0, 0, 0, 0, 0, 0]);
    bump(t, AUTHOR_TALLY.posts, sign);
    if (record.uncertain) bump(t, AUTHOR_TALLY.uncertain, sign);
    bump(t, AUTHOR_TALLY.professional, confidentPro);
    if (labelled) {
      bump(t, AUTHOR_TALLY.n, sign);
      bump(t, AUTHOR_TALLY.k, pro);
      if (lang === 'fr') {
        bump(t, AUTHOR_TALLY.nFr, sign);
        bump(t, AUTHOR_TALLY.kFr, pro);
      }
      if (lang === 'en') {
        bump(t, AUTHOR_TALLY.nEn, sign);
        bump(t, AUTHOR_TALLY.kEn, pro);
      }
    }
    if (t[AUTHOR_TALLY.posts] <= 0) delete agg.byAuthor[author];
  }
  if (!labelled) {
    agg.noText += sign;
    return;
  }
  agg.n += sign;
  agg.k += pro;
  bump(agg.byLang[lang], 0, sign);
  bump(agg.byLang[lang], 1, pro);
  agg.byModel[record.model] = (agg.byModel[record.model] ?? 0) + sign;
  if (agg.byModel[record.model] === 0) delete agg.byModel[record.model];
  if (author === null) agg.withoutAuthor += sign;
  const day = dayOf(record.seenAt);
  const dayTally = (agg.byDay[day] ??= [0, 0]);
  bump(dayTally, 0, sign);
  bump(dayTally, 1, pro);
  if (dayTally[0] <= 0) delete agg.byDay[day];
}

/** Rows for all these posts, from scratch. */
export function buildAggregates(records: Iterable<PostRecord>, timeZone: string): { rows: AudienceAggregate[]; meta: AggregateMeta } {
  const dayOf = dayOfFactory(timeZone);
  const rows = new Map<string, AudienceAggregate>();
  let count = 0;
  for (const record of records) {
    count++;
    let row = rows.get(record.audience.key);
    if (!row) rows.set(record.audience.key, (row = emptyAggregate(record)));
    applyRecord(row, record, dayOf, 1);
  }
  return { rows: [...rows.values()], meta: { key: META_KEY, format: AGGREGATE_FORMAT, timeZone, records: count } };
}

/** Writes freshly built rows into an aggregates store (inside the caller's transaction). */
export function writeAggregates(store: IDBObjectStore, built: { rows: AudienceAggregate[]; meta: AggregateMeta }): void {
  store.clear();
  for (const row of built.rows) store.put(row);
  store.put(built.meta);
}

/**
 * Adds (sign 1) or removes (sign −1) posts in the aggregates store, inside the caller's readwrite
 * transaction (the same one that adds or deletes the posts). After a removal, `posts` (the posts
 * store, in the same transaction, the posts already deleted) gives each row its new first sighting.
 * `removedBefore`: every post seen before this time was removed (the retention purge), so the first
 * sighting is looked for from there. A cursor from the start of an audience's range would step over
 * every entry deleted in this transaction, one by one: in Chromium that made the purge of 25,000
 * posts take 11 s of its 13 s (scripts/bench/scale.ts; docs/BENCHMARKS.md, "Scale").
 */
export async function updateAggregates(
  store: IDBObjectStore,
  records: readonly PostRecord[],
  sign: 1 | -1,
  posts?: IDBObjectStore,
  removedBefore = -Infinity,
): Promise<void> {
  if (records.length === 0) return;
  const meta = ((await requestResult(store.get(META_KEY))) as AggregateMeta | undefined) ?? {
    key: META_KEY,
    format: AGGREGATE_FORMAT,
    timeZone: currentTimeZone(),
    records: 0,
  };
  const dayOf = dayOfFactory(meta.timeZone);
  const rows = new Map<string, AudienceAggregate | undefined>();
  for (const record of records) {
    const key = record.audience.key;
    if (!rows.has(key)) rows.set(key, (await requestResult(store.get(key))) as AudienceAggregate | undefined);
    let row = rows.get(key);
    if (!row) {
      if (sign === -1) continue; // nothing counted for it: the meta count will trigger a rebuild if wrong
      rows.set(key, (row = emptyAggregate(record)));
    }
    applyRecord(row, record, dayOf, sign);
    meta.records += sign;
  }
  for (const [key, row] of rows) {
    if (!row) continue;
    if (row.posts + row.sponsored <= 0) {
      store.delete(key);
      continue;
    }
    if (sign === -1 && posts) {
      const range = IDBKeyRange.bound([key, removedBefore], [key, Infinity]);
      const first = (await requestResult(posts.index('byAudienceSeenAt').openCursor(range)))?.value as PostRecord | undefined;
      if (first) {
        row.firstSeenAt = first.seenAt;
        row.audience = { ...first.audience };
      }
    }
    store.put(row);
  }
  store.put(meta);
}

export interface LoadedAggregates {
  rows: AudienceAggregate[];
  meta: AggregateMeta;
  /** True when the rows had to be rebuilt from the posts. */
  rebuilt: boolean;
}

/**
 * The aggregate rows, checked (time zone, format, and with `checkCount` the number of stored posts)
 * and rebuilt from the posts when they disagree. Counting the posts store walks every key (about
 * 200 ms for 100,000 posts in Chrome), so the popup's path skips it and checks it apart, after
 * answering (`aggregatesMatchStore`): the rows are written in the same transactions as the posts,
 * so the count can only differ if something wrote posts another way.
 */
export async function loadAggregates(db: IDBDatabase, timeZone = currentTimeZone(), options: { checkCount?: boolean } = {}): Promise<LoadedAggregates> {
  const checkCount = options.checkCount ?? true;
  const tx = db.transaction([AGGREGATES_STORE, POSTS_STORE], 'readonly');
  const [all, count] = await Promise.all([
    requestResult(tx.objectStore(AGGREGATES_STORE).getAll()) as Promise<(AudienceAggregate | AggregateMeta)[]>,
    checkCount ? requestResult(tx.objectStore(POSTS_STORE).count()) : Promise.resolve(null),
  ]);
  const meta = all.find((row): row is AggregateMeta => row.key === META_KEY);
  const rows = all.filter((row): row is AudienceAggregate => row.key !== META_KEY);
  if (meta && meta.format === AGGREGATE_FORMAT && meta.timeZone === timeZone && (count === null || meta.records === count)) {
    return { rows, meta, rebuilt: false };
  }
  return { ...(await rebuildAggregates(db, timeZone)), rebuilt: true };
}

/** True when the rows count as many posts as the store holds (see loadAggregates). */
export async function aggregatesMatchStore(db: IDBDatabase): Promise<boolean> {
  const tx = db.transaction([AGGREGATES_STORE, POSTS_STORE], 'readonly');
  const [meta, count] = await Promise.all([
    requestResult(tx.objectStore(AGGREGATES_STORE).get(META_KEY)) as Promise<AggregateMeta | undefined>,
    requestResult(tx.objectStore(POSTS_STORE).count()),
  ]);
  return meta?.records === count;
}

/** Recounts every row from the stored posts, in one readwrite transaction. */
export async function rebuildAggregates(db: IDBDatabase, timeZone = currentTimeZone()): Promise<{ rows: AudienceAggregate[]; meta: AggregateMeta }> {
  const tx = db.transaction([AGGREGATES_STORE, POSTS_STORE], 'readwrite');
  const records = (await getAllInChunks(tx.objectStore(POSTS_STORE).index('bySeenAt'))) as PostRecord[];
  const built = buildAggregates(records, timeZone);
  writeAggregates(tx.objectStore(AGGREGATES_STORE), built);
  await transactionDone(tx);
  return built;
}
