/**
 * Damaged stored data (issue "Trust", point 3): found, set aside or repaired, and reported; never a
 * crash. What can be damaged, and what happens:
 *
 * - A **post record** (a field missing or of the wrong type, a label that is not one, a probability
 *   out of [0, 1], garbage): every reader skips it (`soundPosts`/`isPostRecord`, utils/storage/posts.ts)
 *   and reports it here; `repairStore` then moves every damaged record of the store to the
 *   `quarantine` store (`{ kind, record, field, reason, at }`), removes it from `posts` and recounts
 *   the totals, all in one transaction. Nothing is deleted: the damaged record is kept, out of the figures.
 * - A **totals row** (`aggregates`: a count negative, fractional or not adding up): the summary leaves
 *   it out when it reads it (`soundAggregateRows`) and `repairStore` recounts every row from the posts,
 *   keeping the damaged row in quarantine. The background's periodic check (utils/summary/service.ts)
 *   also compares the totals' post count and the indexes' sizes with the store (key counts only, no
 *   record read); a difference runs `repairStore`.
 * - A **setting** (`browser.storage.local`): reads are normalised where they happen (settings.ts,
 *   preferences.ts); `checkSettings` writes the repaired value back, keeping the damaged one in quarantine.
 *
 * `storageProblems` is what the popup shows (counts, kinds, when), until the user dismisses it.
 * Checks cost nothing on the popup's path beyond what it reads anyway: the full scan runs only when
 * a reader or the periodic check found something wrong.
 */
import { storage } from 'wxt/utils/storage';
import { normaliseAudienceDefinitions } from './audienceDefinitions';
import { AGGREGATE_FORMAT, AUTHOR_TALLY, META_KEY, buildAggregates, currentTimeZone, writeAggregates, type AudienceAggregate } from './aggregates';
import { AGGREGATES_STORE, POSTS_STORE, QUARANTINE_STORE, requestResult, transactionDone } from './db';
import { postRecordProblem, type PostRecord, type RecordProblem } from './posts';
import { isPseudonymKey, normalisePreferences, preferencesProblems, preferencesSetting, pseudonymKeySetting } from './preferences';
import { audienceDefinitionsSetting, isUiLanguage, storageProblemsDismissedSetting, uiLanguageSetting } from './settings';
import { isRecord } from './isRecord';

export type QuarantineKind = 'post' | 'totals' | 'setting';

/** One thing set aside, as the `quarantine` store keeps it (autoIncrement keys). */
export interface QuarantineEntry {
  kind: QuarantineKind;
  /** The damaged value, as it was read. */
  record: unknown;
  /** The field found wrong ('record' when the whole value is), or the setting's name. */
  field: string;
  reason: string;
  /** Epoch ms when it was set aside. */
  at: number;
}

/** What the popup's notice says (the `getStorageProblems` message). */
export interface StorageProblems {
  /** Damaged post records set aside, left out of every figure. */
  posts: number;
  /** The same, per field found wrong (e.g. { label: 2, seenAt: 1 }). */
  postFields: Record<string, number>;
  /** Damaged totals rows, recounted from the posts. */
  totals: number;
  /** Settings found damaged and reset to their valid part or default (names, once each). */
  settings: string[];
  /** When the first and the latest of these were found (epoch ms); null when there is nothing to show. */
  firstAt: number | null;
  latestAt: number | null;
}

export function noStorageProblems(): StorageProblems {
  return { posts: 0, postFields: {}, totals: 0, settings: [], firstAt: null, latestAt: null };
}

// ---------------------------------------------------------------------------------------------------
// Totals rows

const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;

function isTally(value: unknown, length: number): value is number[] {
  return Array.isArray(value) && value.length === length && value.every(isCount) && (length < 2 || value[1]! <= value[0]!);
}

/** Sum of the first cell of each tally in a map, or null when a value is not a tally of `length`. */
function tallySum(map: unknown, length: number): number | null {
  if (!isRecord(map)) return null;
  let sum = 0;
  for (const tally of Object.values(map)) {
    if (!isTally(tally, length)) return null;
    sum += tally[0]!;
  }
  return sum;
}

/** What is wrong with a totals row (utils/storage/aggregates.ts), or null: counts must be whole, ≥ 0 and add up. */
export function aggregateRowProblem(value: unknown): RecordProblem | null {
  if (!isRecord(value)) return { field: 'record', reason: 'not an object' };
  const r = value;
  const problem = (field: string, reason: string): RecordProblem => ({ field, reason });
  if (typeof r.key !== 'string' || r.key === META_KEY) return problem('key', 'not an audience key');
  if (!isRecord(r.audience) || r.audience.key !== r.key || typeof r.audience.label !== 'string' || typeof r.audience.kind !== 'string') return problem('audience', 'not this row’s audience');
  if (typeof r.firstSeenAt !== 'number' || !Number.isFinite(r.firstSeenAt)) return problem('firstSeenAt', 'not a time');
  for (const field of ['posts', 'professional', 'personal', 'uncertain', 'sponsored', 'noText', 'n', 'k', 'withoutAuthor'] as const) {
    if (!isCount(r[field])) return problem(field, 'not a whole number ≥ 0');
  }
  const n = r.n as number;
  if ((r.professional as number) + (r.personal as number) + (r.uncertain as number) !== r.posts) return problem('posts', 'not professional + personal + uncertain');
  if (n + (r.noText as number) !== r.posts) return problem('n', 'labelled + without text is not the posts');
  if ((r.k as number) > n || (r.withoutAuthor as number) > n) return problem('k', 'more than the labelled posts');
  if (!isRecord(r.byLang) || Object.keys(r.byLang).sort().join() !== 'en,fr,other' || tallySum(r.byLang, 2) !== n) {
    return problem('byLang', 'languages do not add up to the labelled posts');
  }
  if (!isRecord(r.byModel) || !Object.values(r.byModel).every(isCount) || Object.values(r.byModel as Record<string, number>).reduce((a, b) => a + b, 0) !== n) {
    return problem('byModel', 'models do not add up to the labelled posts');
  }
  if (!isRecord(r.byAuthor) || !Object.values(r.byAuthor).every((t) => isTally(t, AUTHOR_TALLY.professional + 1))) return problem('byAuthor', 'not author tallies');
  if (tallySum(r.byDay, 2) !== n) return problem('byDay', 'days do not add up to the labelled posts');
  return null;
}

/**
 * The sound totals rows among those read (the meta row is not one of them: loadAggregates checks it).
 * `damaged` > 0 means the caller should have the store repaired (`scheduleRepair`).
 */
export function soundAggregateRows(rows: readonly unknown[]): { rows: AudienceAggregate[]; damaged: number } {
  const sound = rows.filter((row): row is AudienceAggregate => aggregateRowProblem(row) === null);
  return { rows: sound, damaged: rows.length - sound.length };
}

// ---------------------------------------------------------------------------------------------------
// Repair

export interface RepairResult {
  /** Post records set aside. */
  posts: number;
  /** Totals rows found damaged (all rows are recounted anyway). */
  totals: number;
  /** Sound posts counted in the recounted totals. */
  records: number;
}

/**
 * In one readwrite transaction: every post record checked, the damaged ones moved to quarantine and
 * deleted from `posts`, the damaged totals rows kept in quarantine, and every totals row recounted
 * from the sound posts. Reads the store itself, not an index: a record whose `seenAt` or audience is
 * not a valid key is in no index, and would be missed otherwise.
 */
export async function repairStore(db: IDBDatabase, options: { now?: number; timeZone?: string } = {}): Promise<RepairResult> {
  const at = options.now ?? Date.now();
  const tx = db.transaction([POSTS_STORE, AGGREGATES_STORE, QUARANTINE_STORE], 'readwrite');
  const posts = tx.objectStore(POSTS_STORE);
  const aggregates = tx.objectStore(AGGREGATES_STORE);
  const quarantine = tx.objectStore(QUARANTINE_STORE);
  const [values, rows] = await Promise.all([requestResult(posts.getAll()) as Promise<unknown[]>, requestResult(aggregates.getAll()) as Promise<unknown[]>]);
  const sound: PostRecord[] = [];
  let setAside = 0;
  for (const value of values) {
    const problem = postRecordProblem(value);
    if (!problem) {
      sound.push(value as PostRecord);
      continue;
    }
    const entry: QuarantineEntry = { kind: 'post', record: value, ...problem, at };
    quarantine.add(entry);
    // Every stored record has a valid [platform, id] key (the store's key path requires it).
    const { platform, id } = value as { platform: IDBValidKey; id: IDBValidKey };
    posts.delete([platform, id]);
    setAside++;
  }
  let damagedRows = 0;
  for (const row of rows) {
    if (isRecord(row) && row.key === META_KEY) continue;
    const problem = aggregateRowProblem(row);
    if (!problem) continue;
    quarantine.add({ kind: 'totals', record: row, ...problem, at } satisfies QuarantineEntry);
    damagedRows++;
  }
  // Oldest first, as rebuildAggregates reads them: each row keeps its audience's first label.
  sound.sort((a, b) => a.seenAt - b.seenAt);
  writeAggregates(aggregates, buildAggregates(sound, options.timeZone ?? currentTimeZone()));
  await transactionDone(tx);
  if (setAside > 0 || damagedRows > 0) console.warn(`[properso] set aside ${setAside} damaged post records; ${damagedRows} damaged totals rows recounted`);
  return { posts: setAside, totals: damagedRows, records: sound.length };
}

const repairs = new WeakMap<IDBDatabase, Promise<RepairResult>>();

/**
 * Runs `repairStore` soon, once however many readers report damage meanwhile (a reader's own
 * transaction finishes first: IndexedDB orders overlapping transactions). Resolves when it is done.
 */
export function scheduleRepair(db: IDBDatabase): Promise<RepairResult> {
  const pending = repairs.get(db);
  if (pending) return pending;
  const run = Promise.resolve()
    .then(() => repairStore(db))
    .finally(() => repairs.delete(db));
  repairs.set(db, run);
  return run;
}

/** What a reader calls when it skipped damaged records: they are set aside after the read. */
export function reportDamagedPosts(db: IDBDatabase, count: number): void {
  if (count <= 0) return;
  scheduleRepair(db).catch((error: unknown) => console.warn('[properso] setting damaged records aside', error));
}

/** Resolves once no repair is pending (the report waits for it; tests too). */
export async function repairsSettled(db: IDBDatabase): Promise<void> {
  await repairs.get(db)?.catch(() => undefined);
}

/**
 * Cheap signs that the store and its totals disagree, without reading a record: the totals' post
 * count against the store's size (a record added or removed behind the totals' back) and, when
 * `indexes` is set, the sizes of the indexes every post belongs to (a record damaged in place so that
 * its `seenAt` or audience key is no valid key falls out of them). Counting an index costs about 2 s
 * in Chromium at 200,000 posts, and the popup's reads wait behind it (docs/BENCHMARKS.md, "Scale"), so
 * the service counts them rarely.
 */
export async function storeLooksSound(db: IDBDatabase, options: { indexes?: boolean } = {}): Promise<boolean> {
  const tx = db.transaction([AGGREGATES_STORE, POSTS_STORE], 'readonly');
  const posts = tx.objectStore(POSTS_STORE);
  const [meta, count, bySeenAt, byAudience] = await Promise.all([
    requestResult(tx.objectStore(AGGREGATES_STORE).get(META_KEY)) as Promise<unknown>,
    requestResult(posts.count()),
    options.indexes ? requestResult(posts.index('bySeenAt').count()) : undefined,
    options.indexes ? requestResult(posts.index('byAudience').count()) : undefined,
  ]);
  const records = isRecord(meta) && meta.format === AGGREGATE_FORMAT ? meta.records : undefined;
  return records === count && (bySeenAt ?? count) === count && (byAudience ?? count) === count;
}

// ---------------------------------------------------------------------------------------------------
// Settings

interface SettingCheck {
  name: string;
  key: `local:${string}`;
  problems(raw: unknown): string[];
  /** Writes the repaired value back. */
  repair(raw: unknown): Promise<void>;
}

const SETTINGS: readonly SettingCheck[] = [
  {
    name: 'preferences',
    key: 'local:preferences',
    problems: preferencesProblems,
    repair: (raw) => preferencesSetting.setValue(normalisePreferences(raw)),
  },
  {
    name: 'audienceDefinitions',
    key: 'local:audienceDefinitions',
    problems: (raw) => normaliseAudienceDefinitions(raw).problems,
    repair: (raw) => audienceDefinitionsSetting.setValue(normaliseAudienceDefinitions(raw).value),
  },
  {
    name: 'uiLanguage',
    key: 'local:uiLanguage',
    problems: (raw) => (raw === null || isUiLanguage(raw) ? [] : ["not 'en' or 'fr'"]),
    repair: () => uiLanguageSetting.setValue(null),
  },
  {
    name: 'pseudonymKey',
    key: 'local:pseudonymKey',
    problems: (raw) => (raw === null || isPseudonymKey(raw) ? [] : ['not 64 hex digits']),
    // A new key is made on the next export (older exports cannot be linked to newer ones any more).
    repair: () => pseudonymKeySetting.removeValue(),
  },
];

/**
 * Reads each setting as stored; a damaged one is kept in quarantine, its repaired value written
 * back. Returns the names of the settings repaired. A few `storage.local` reads.
 */
export async function checkSettings(db: IDBDatabase, now = Date.now()): Promise<string[]> {
  const repaired: string[] = [];
  for (const setting of SETTINGS) {
    const raw = await storage.getItem<unknown>(setting.key);
    const problems = setting.problems(raw);
    if (problems.length === 0) continue;
    const tx = db.transaction(QUARANTINE_STORE, 'readwrite');
    tx.objectStore(QUARANTINE_STORE).add({ kind: 'setting', record: raw, field: setting.name, reason: problems.join(', '), at: now } satisfies QuarantineEntry);
    await transactionDone(tx);
    await setting.repair(raw);
    repaired.push(setting.name);
  }
  if (repaired.length > 0) console.warn(`[properso] damaged settings reset: ${repaired.join(', ')}`);
  return repaired;
}

// ---------------------------------------------------------------------------------------------------
// Report

/** What was set aside after `since` (epoch ms), summed up for the popup. */
export async function readStorageProblems(db: IDBDatabase, since: number): Promise<StorageProblems> {
  const tx = db.transaction(QUARANTINE_STORE, 'readonly');
  const out = noStorageProblems();
  const settings = new Set<string>();
  await new Promise<void>((resolve, reject) => {
    const request = tx.objectStore(QUARANTINE_STORE).openCursor();
    request.onerror = () => reject(request.error ?? new Error('IndexedDB cursor failed'));
    request.onsuccess = () => {
      const cursor = request.result;
      if (!cursor) return resolve();
      const entry = cursor.value as Partial<QuarantineEntry> | null;
      const at = typeof entry?.at === 'number' ? entry.at : 0;
      if (entry && at > since) {
        if (entry.kind === 'post') {
          out.posts++;
          const field = String(entry.field ?? 'record');
          out.postFields[field] = (out.postFields[field] ?? 0) + 1;
        } else if (entry.kind === 'totals') out.totals++;
        else if (entry.kind === 'setting') settings.add(String(entry.field));
        out.firstAt = Math.min(out.firstAt ?? at, at);
        out.latestAt = Math.max(out.latestAt ?? at, at);
      }
      cursor.continue();
    };
  });
  out.settings = [...settings];
  return out;
}

/** Problems found since the user last dismissed the notice. */
export async function storageProblems(db: IDBDatabase): Promise<StorageProblems> {
  await repairsSettled(db);
  return readStorageProblems(db, await storageProblemsDismissedSetting.getValue());
}

/** Hides what was found until now (kept in quarantine all the same). */
export async function dismissStorageProblems(db: IDBDatabase, now = Date.now()): Promise<StorageProblems> {
  const shown = await storageProblems(db);
  await storageProblemsDismissedSetting.setValue(Math.max(now, shown.latestAt ?? 0));
  return storageProblems(db);
}
