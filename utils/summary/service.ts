/**
 * The background's side of the popup's figures, the review screen, the research export and the data
 * settings: message handlers (spread into the background's handler map), the retention rule (on
 * startup and daily with `browser.alarms`) and the reading rule (paused, platforms switched off)
 * applied to incoming posts. Kept out of entrypoints/background.ts so that file stays a list.
 */
import type { Handlers, Sender, SeenPost } from '../messaging';
import type { Label, ModelMeta } from '../model/types';
import { isPlatformId } from '../platforms/catalog';
import { zipDataPackage } from '../export/zip';
import { isAuthorAudienceKey, normaliseHandle, resolveMerge, type AudienceDefinitions } from '../storage/audienceDefinitions';
import { currentTimeZone, isLabelled, loadAggregates, type LoadedAggregates } from '../storage/aggregates';
import { POSTS_STORE, requestResult } from '../storage/db';
import { checkSettings, dismissStorageProblems, reportDamagedPosts, scheduleRepair, soundAggregateRows, storageProblems, storeLooksSound } from '../storage/integrity';
import { isPostRecord, type PostRecord } from '../storage/posts';
import {
  isReading,
  normalisePreferences,
  preferencesSetting,
  pseudonymKey,
  pseudonymKeySetting,
  readPreferences,
  type Preferences,
} from '../storage/preferences';
import {
  allPosts,
  deleteAllPosts,
  deletePostsSeenBefore,
  humanLabelledPosts,
  latestPostsByAuthors,
  latestPostsOf,
  setHumanLabel,
} from '../storage/review';
import type { ExportReply, PostLabel, ReviewPost } from './messages';
import { buildExtensionDataPackage, buildExtensionNdjson } from './researchExport';
import { computeSummary, type SummaryReply } from './summary';

export const RETENTION_ALARM = 'properso-retention';
const DAY_MS = 86_400_000;
export const REVIEW_LIMIT_MAX = 200;
/** How often the totals are checked against the number of stored posts (after answering). */
export const VERIFY_EVERY_MS = 60_000;
/** How often that check also counts the indexes (about 2 s each in Chromium at 200,000 posts). */
export const INDEXES_EVERY_MS = 15 * 60_000;
/** Bytes of an export per message: 8 MiB is about 11 MB of base64, far under Chrome's 64 MiB limit. */
export const EXPORT_PART_BYTES = 8 * 1024 * 1024;
/** How long the parts of a large export wait for the popup to ask for them. */
const EXPORT_KEPT_MS = 5 * 60_000;
/** How often the settings are checked for damage (a few storage reads), at most, while the popup asks. */
export const SETTINGS_CHECK_EVERY_MS = 5_000;

type ResearchMessages =
  | 'getSummary'
  | 'getReviewPosts'
  | 'setHumanLabel'
  | 'exportData'
  | 'exportPart'
  | 'getPreferences'
  | 'setPreferences'
  | 'deleteAllData'
  | 'getPostLabels'
  | 'getStorageProblems'
  | 'dismissStorageProblems';

export interface AlarmsApi {
  get(name: string): Promise<unknown>;
  create(name: string, info: { periodInMinutes: number; delayInMinutes?: number }): void | Promise<void>;
  onAlarm: { addListener(listener: (alarm: { name: string }) => void): void };
}

export interface ResearchServiceOptions {
  database: () => Promise<IDBDatabase>;
  modelMeta: Pick<ModelMeta, 'id' | 'version' | 'sha256' | 'codebookVersion' | 'errorRates' | 'metrics'>;
  /** The user's audience definitions (renames, merges, author lists). */
  definitions: () => Promise<AudienceDefinitions | undefined>;
  /** The extension's own pages' URL prefix (runtime.getURL('/')): only they may change data. */
  extensionOrigin: string;
  version: string;
  now?: () => number;
  /** Bytes per export message (EXPORT_PART_BYTES; tests make it small). */
  exportPartBytes?: number;
}

function base64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function reviewPost(record: PostRecord): ReviewPost {
  return {
    platform: record.platform,
    id: record.id,
    author: record.author?.name ?? record.author?.handle ?? null,
    text: record.text,
    seenAt: record.seenAt,
    permalink: record.permalink ?? null,
    label: record.label,
    pProfessional: record.pProfessional,
    uncertain: record.uncertain,
    lang: record.lang,
    cues: record.cues ?? null,
    humanLabel: record.humanLabel ?? null,
  };
}

export function createResearchService(options: ResearchServiceOptions) {
  const now = options.now ?? Date.now;
  const partBytes = options.exportPartBytes ?? EXPORT_PART_BYTES;
  // Exports larger than one message, kept until the popup has taken every part (or for 5 minutes).
  const largeExports = new Map<string, Uint8Array>();
  function exportReply(fileName: string, mimeType: string, bytes: Uint8Array, posts: number): ExportReply {
    const parts = Math.max(1, Math.ceil(bytes.length / partBytes));
    let exportId: string | null = null;
    if (parts > 1) {
      const id = crypto.randomUUID();
      largeExports.set(id, bytes);
      setTimeout(() => largeExports.delete(id), EXPORT_KEPT_MS);
      exportId = id;
    }
    return { fileName, mimeType, posts, parts, exportId, base64: base64(bytes.subarray(0, partBytes)) };
  }
  // A content script's sender URL is the web page's; the extension's pages (popup, options, help,
  // also when opened in a tab, which gives them a sender.tab) are under the extension's origin.
  const requirePage = (sender: Sender) => {
    if (!sender.url?.startsWith(options.extensionOrigin)) throw new Error('Only the extension’s own pages may do this');
  };

  // Popups poll every 1.5 s and several may be open: callers while one summary is being computed
  // share it (a rebuild of the totals, which reads every post, then runs once, not once per poll).
  let inFlight: Promise<SummaryReply> | null = null;
  let verifiedAt = -Infinity;
  let indexesVerifiedAt = now();
  let settingsCheckedAt = -Infinity;
  function summary(): Promise<SummaryReply> {
    inFlight ??= computeNow().finally(() => (inFlight = null));
    return inFlight;
  }

  async function computeNow(): Promise<SummaryReply> {
    const t0 = performance.now();
    const db = await options.database();
    const timeZone = currentTimeZone();
    const [{ rows }, labelled, definitions] = await Promise.all([
      soundTotals(db, timeZone, { checkCount: false }),
      humanLabelledPosts(db),
      options.definitions(),
    ]);
    const humanLabels = labelled.filter(isLabelled).map((p) => ({ lang: p.lang, model: p.label, human: p.humanLabel! }));
    const reply = computeSummary({ rows, definitions, humanLabels, modelMeta: options.modelMeta, timeZone });
    const computedMs = performance.now() - t0;
    if (now() - verifiedAt > VERIFY_EVERY_MS) {
      verifiedAt = now();
      // The index counts, slow on a large store, every INDEXES_EVERY_MS, never in the first minutes.
      const indexes = now() - indexesVerifiedAt > INDEXES_EVERY_MS;
      if (indexes) indexesVerifiedAt = now();
      // After answering: a mismatch sets damaged records aside and recounts the totals
      // (utils/storage/integrity.ts), and the next poll shows them.
      void storeLooksSound(db, { indexes })
        .then((ok) => (ok ? undefined : scheduleRepair(db)))
        .catch((error: unknown) => console.warn('[properso] checking the totals', error));
    }
    return { ...reply, computedMs };
  }

  /**
   * The totals rows, without the damaged ones (which are then recounted). A damaged post record can
   * make loadAggregates' own recount throw (it trusts the records): then the store is repaired, which
   * sets such records aside, and the rows are read again.
   */
  async function soundTotals(db: IDBDatabase, timeZone?: string, loadOptions?: { checkCount?: boolean }): Promise<LoadedAggregates> {
    let loaded: LoadedAggregates;
    try {
      loaded = await loadAggregates(db, timeZone, loadOptions);
    } catch (error) {
      console.warn('[properso] reading the totals failed; repairing the store', error);
      await scheduleRepair(db);
      loaded = await loadAggregates(db, timeZone, loadOptions);
    }
    const { rows, damaged } = soundAggregateRows(loaded.rows);
    if (damaged > 0) void scheduleRepair(db).catch((error: unknown) => console.warn('[properso] recounting damaged totals', error));
    return { ...loaded, rows };
  }

  /** What was found damaged and set aside; the settings are checked now and then on the way. */
  async function problems() {
    const db = await options.database();
    if (now() - settingsCheckedAt > SETTINGS_CHECK_EVERY_MS) {
      settingsCheckedAt = now();
      await checkSettings(db, now());
    }
    return storageProblems(db);
  }

  async function reviewPosts(audienceKey: string, limit: number): Promise<ReviewPost[]> {
    const db = await options.database();
    const n = Math.max(1, Math.min(REVIEW_LIMIT_MAX, Math.floor(limit)));
    const definitions = await options.definitions();
    let records: PostRecord[];
    if (isAuthorAudienceKey(audienceKey)) {
      const list = definitions?.authorAudiences.find((a) => a.key === audienceKey);
      if (!list) return [];
      const authors = new Set(list.authors.map((a) => `${a.platform}:${normaliseHandle(a.handle)}`));
      records = await latestPostsByAuthors(db, authors, n * 2);
    } else {
      const { rows } = await soundTotals(db);
      const keys = rows.map((r) => r.key).filter((k) => (definitions ? resolveMerge(definitions, k) : k) === audienceKey);
      records = await latestPostsOf(db, keys.length > 0 ? keys : [audienceKey], n * 2);
    }
    return records.filter(isLabelled).slice(0, n).map(reviewPost);
  }

  /** Deletes posts seen before the retention period. Returns how many. */
  async function enforceRetention(preferences?: Preferences): Promise<number> {
    const { retentionDays } = preferences ?? (await readPreferences());
    return deletePostsSeenBefore(await options.database(), now() - retentionDays * DAY_MS);
  }

  /** Runs the retention rule now and once a day (the alarm survives the worker's restarts; created once). */
  async function scheduleRetention(alarms: AlarmsApi): Promise<void> {
    alarms.onAlarm.addListener((alarm) => {
      if (alarm.name === RETENTION_ALARM) void enforceRetention().catch((e: unknown) => console.warn('[properso] retention', e));
    });
    if (!(await alarms.get(RETENTION_ALARM))) await alarms.create(RETENTION_ALARM, { periodInMinutes: 24 * 60, delayInMinutes: 24 * 60 });
    await enforceRetention();
  }

  /** The posts the content script may send now (paused, or a platform switched off: none of those). */
  async function readable(seen: readonly SeenPost[]): Promise<SeenPost[]> {
    const preferences = await readPreferences();
    return seen.filter(({ post }) => isReading(preferences, post.platform));
  }

  const handlers: Pick<Handlers<'background'>, ResearchMessages> = {
    getSummary: () => summary(),
    getReviewPosts: ({ audienceKey, limit }, sender) => {
      requirePage(sender);
      return reviewPosts(String(audienceKey), Number(limit) || 20);
    },
    setHumanLabel: async ({ platform, id, label }, sender) => {
      requirePage(sender);
      if (!isPlatformId(platform)) throw new Error(`Unknown platform ${String(platform)}`);
      if (label !== null && label !== 'professional' && label !== 'personal') throw new Error(`Unknown label ${String(label)}`);
      return { ok: await setHumanLabel(await options.database(), platform, String(id), label as Label | null, now()) };
    },
    exportData: async ({ format }, sender) => {
      requirePage(sender);
      const db = await options.database();
      const [posts, definitions, preferences, key] = await Promise.all([allPosts(db), options.definitions(), readPreferences(), pseudonymKey()]);
      const input = { posts, definitions, modelMeta: options.modelMeta, key, preferences, timeZone: currentTimeZone(), now: new Date(now()), version: options.version };
      const stamp = new Date(now()).toISOString().slice(0, 10);
      const included = posts.filter((p) => p.text.trim() !== '').length;
      if (format === 'ndjson') {
        const text = await buildExtensionNdjson(input);
        return exportReply(`properso-posts-${stamp}.ndjson`, 'application/x-ndjson', new TextEncoder().encode(text), included);
      }
      const zip = zipDataPackage(await buildExtensionDataPackage(input));
      return exportReply(`properso-data-package-${stamp}.zip`, 'application/zip', zip, included);
    },
    exportPart: async ({ exportId, index }, sender) => {
      requirePage(sender);
      const bytes = largeExports.get(exportId);
      if (!bytes) throw new Error('This export is no longer available (over 5 minutes old, or the browser restarted): export again.');
      const parts = Math.ceil(bytes.length / partBytes);
      if (!Number.isInteger(index) || index < 1 || index >= parts) throw new Error(`No part ${index} in an export of ${parts} parts`);
      if (index === parts - 1) largeExports.delete(exportId);
      return { base64: base64(bytes.subarray(index * partBytes, (index + 1) * partBytes)) };
    },
    getPreferences: () => readPreferences(),
    setPreferences: async ({ preferences }, sender) => {
      requirePage(sender);
      const before = await readPreferences();
      const next = normalisePreferences({ ...before, ...preferences, platforms: { ...before.platforms, ...(preferences?.platforms ?? {}) } });
      await preferencesSetting.setValue(next);
      if (next.retentionDays < before.retentionDays) await enforceRetention(next);
      return next;
    },
    deleteAllData: async ({ confirm }, sender) => {
      requirePage(sender);
      if (confirm !== true) throw new Error('deleteAllData needs confirm: true');
      const db = await options.database();
      const deleted = await requestResult(db.transaction(POSTS_STORE, 'readonly').objectStore(POSTS_STORE).count());
      await deleteAllPosts(db);
      await pseudonymKeySetting.removeValue();
      return { deleted };
    },
    getPostLabels: async ({ keys }) => {
      const db = await options.database();
      const store = db.transaction(POSTS_STORE, 'readonly').objectStore(POSTS_STORE);
      const found: unknown[] = await Promise.all(
        (Array.isArray(keys) ? keys.slice(0, 500) : []).map((key) => requestResult(store.get([String(key[0]), String(key[1])]))),
      );
      const damaged = found.filter((r) => r !== undefined && !isPostRecord(r)).length;
      if (damaged > 0) reportDamagedPosts(db, damaged);
      return found.map((r): PostLabel | null => (isPostRecord(r) ? { label: r.label, pProfessional: r.pProfessional, uncertain: r.uncertain } : null));
    },
    getStorageProblems: () => problems(),
    dismissStorageProblems: async (_message, sender) => {
      requirePage(sender);
      return dismissStorageProblems(await options.database(), now());
    },
  };

  return { handlers, summary, reviewPosts, enforceRetention, scheduleRetention, readable };
}
