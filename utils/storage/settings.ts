/**
 * User settings in `browser.storage.local`, versioned with WXT's storage items (each version bump
 * adds a migration). The background writes them; the popup reads and changes them through messages.
 *
 * Every read is normalised: a value damaged on disk (a wrong shape, a stray type) reads as its valid
 * part or the default, never as something that crashes a reader. utils/storage/integrity.ts finds
 * such values, writes the repaired value back, keeps the damaged one and reports it to the popup.
 */
import { storage, type WxtStorageItem } from 'wxt/utils/storage';
import { emptyAudienceDefinitions, normaliseAudienceDefinitions, type AudienceDefinitions } from './audienceDefinitions';

export const UI_LANGUAGES = ['en', 'fr'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

export function isUiLanguage(value: unknown): value is UiLanguage {
  return typeof value === 'string' && (UI_LANGUAGES as readonly string[]).includes(value);
}

/** The same storage item, whose reads (getValue, watch) pass the stored value through `normalise`. */
export function withNormalisedReads<T, M extends Record<string, unknown>>(
  item: WxtStorageItem<T, M>,
  normalise: (value: unknown) => T,
): WxtStorageItem<T, M> {
  return {
    ...item,
    getValue: async () => normalise(await item.getValue()),
    watch: (callback) => item.watch((next, previous) => callback(normalise(next), normalise(previous))),
  };
}

/** The popup's language chosen by the user; null follows the browser's language. */
export const uiLanguageSetting = withNormalisedReads(
  storage.defineItem<UiLanguage | null>('local:uiLanguage', {
    fallback: null,
    version: 1,
  }),
  (value) => (isUiLanguage(value) ? value : null),
);

/**
 * The user's renames, merges and author-list audiences (utils/storage/audienceDefinitions.ts).
 * Version 1; a new shape bumps `version` and adds a migration, with a test.
 */
export const audienceDefinitionsSetting = withNormalisedReads(
  storage.defineItem<AudienceDefinitions>('local:audienceDefinitions', {
    fallback: emptyAudienceDefinitions(),
    version: 1,
  }),
  (value) => normaliseAudienceDefinitions(value).value,
);

/** When the user last dismissed the popup's notice of damaged data (epoch ms); older problems stay hidden. */
export const storageProblemsDismissedSetting = withNormalisedReads(
  storage.defineItem<number>('local:storageProblemsDismissedAt', {
    fallback: 0,
    version: 1,
  }),
  (value) => (typeof value === 'number' && Number.isFinite(value) ? value : 0),
);
