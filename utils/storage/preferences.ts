/**
 * The user's choices about reading, keeping and exporting, in `browser.storage.local` as one
 * versioned WXT item (the background writes it; the options page changes it through messages; the
 * content script reads and watches it to pause or skip a platform), and the secret pseudonymisation
 * key of research exports (made once, kept on the device, never exported).
 *
 * Version 1. A new field gets a default in `normalisePreferences` (older values gain it when read);
 * a changed shape bumps `version` and adds a migration, with a test (tests/utils/storage/preferences.test.ts).
 */
import { storage } from 'wxt/utils/storage';
import { PLATFORM_IDS, type PlatformId } from '../platforms/catalog';
import { withNormalisedReads } from './settings';

export interface Preferences {
  /** Platforms whose posts are read; a platform switched off is not read at all. */
  platforms: Record<PlatformId, boolean>;
  /** Stop reading posts everywhere, until resumed. */
  paused: boolean;
  /** Posts seen longer ago than this are deleted (on startup and daily). */
  retentionDays: number;
  /** Research exports include the post text (off: ids, labels and times only). */
  includeTextInExports: boolean;
  /** Show label + probability on each post read (off by default). */
  badges: boolean;
}

export const DEFAULT_RETENTION_DAYS = 90;
export const MIN_RETENTION_DAYS = 1;
export const MAX_RETENTION_DAYS = 3650;

export function defaultPreferences(): Preferences {
  return {
    platforms: Object.fromEntries(PLATFORM_IDS.map((id) => [id, true])) as Record<PlatformId, boolean>,
    paused: false,
    retentionDays: DEFAULT_RETENTION_DAYS,
    includeTextInExports: false,
    badges: false,
  };
}

/** Any stored or requested value → a complete, valid Preferences (unknown keys dropped, defaults filled). */
export function normalisePreferences(value: unknown): Preferences {
  const base = defaultPreferences();
  if (typeof value !== 'object' || value === null) return base;
  const v = value as Partial<Record<keyof Preferences, unknown>>;
  const platforms = { ...base.platforms };
  if (typeof v.platforms === 'object' && v.platforms !== null) {
    for (const id of PLATFORM_IDS) {
      const on = (v.platforms as Record<string, unknown>)[id];
      if (typeof on === 'boolean') platforms[id] = on;
    }
  }
  const days = typeof v.retentionDays === 'number' && Number.isFinite(v.retentionDays) ? Math.round(v.retentionDays) : base.retentionDays;
  return {
    platforms,
    paused: typeof v.paused === 'boolean' ? v.paused : base.paused,
    retentionDays: Math.min(MAX_RETENTION_DAYS, Math.max(MIN_RETENTION_DAYS, days)),
    includeTextInExports: typeof v.includeTextInExports === 'boolean' ? v.includeTextInExports : base.includeTextInExports,
    badges: typeof v.badges === 'boolean' ? v.badges : base.badges,
  };
}

/**
 * The fields of a stored value that are there but unreadable (a wrong type, a retention out of range):
 * a damaged value, not an older one (missing fields just take their defaults). Empty when sound.
 */
export function preferencesProblems(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  if (typeof value !== 'object' || Array.isArray(value)) return ['not an object'];
  const v = value as Partial<Record<keyof Preferences, unknown>>;
  const problems: string[] = [];
  const bool = (field: keyof Preferences) => v[field] !== undefined && typeof v[field] !== 'boolean' && problems.push(field);
  if (v.platforms !== undefined) {
    const platforms = v.platforms as Record<string, unknown> | null;
    if (typeof platforms !== 'object' || platforms === null || Array.isArray(platforms) || PLATFORM_IDS.some((id) => platforms[id] !== undefined && typeof platforms[id] !== 'boolean')) {
      problems.push('platforms');
    }
  }
  bool('paused');
  const days = v.retentionDays;
  if (days !== undefined && !(typeof days === 'number' && Number.isInteger(days) && days >= MIN_RETENTION_DAYS && days <= MAX_RETENTION_DAYS)) problems.push('retentionDays');
  bool('includeTextInExports');
  bool('badges');
  return problems;
}

export const preferencesSetting = withNormalisedReads(
  storage.defineItem<Preferences>('local:preferences', {
    fallback: defaultPreferences(),
    version: 1,
  }),
  normalisePreferences,
);

/** Preferences as stored, completed with today's defaults. */
export async function readPreferences(): Promise<Preferences> {
  return normalisePreferences(await preferencesSetting.getValue());
}

/** True when the content script should read posts on this platform now. */
export function isReading(preferences: Preferences, platform: PlatformId): boolean {
  return !preferences.paused && preferences.platforms[platform] !== false;
}

/**
 * The research exports' pseudonymisation key (64 hex digits from crypto.getRandomValues), made on
 * the first export and kept so that exports can be linked over time. Never written into an export;
 * "delete everything" deletes it too.
 */
export const pseudonymKeySetting = storage.defineItem<string | null>('local:pseudonymKey', {
  fallback: null,
  version: 1,
});

/** 64 hex digits, as `pseudonymKey` makes it. */
export function isPseudonymKey(value: unknown): value is string {
  return typeof value === 'string' && /^[0-9a-f]{64}$/.test(value);
}

export async function pseudonymKey(): Promise<string> {
  const existing = await pseudonymKeySetting.getValue();
  // A damaged key is replaced (utils/storage/integrity.ts reports it): exports stay pseudonymised.
  if (isPseudonymKey(existing)) return existing;
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  const key = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  await pseudonymKeySetting.setValue(key);
  return key;
}
