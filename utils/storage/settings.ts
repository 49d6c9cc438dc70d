/**
 * User settings in `browser.storage.local`, versioned with WXT's storage items (each version bump
 * adds a migration). The background writes them; the popup reads and changes them through messages.
 */
import { storage } from 'wxt/utils/storage';
import { emptyAudienceDefinitions, type AudienceDefinitions } from './audienceDefinitions';

export const UI_LANGUAGES = ['en', 'fr'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

export function isUiLanguage(value: unknown): value is UiLanguage {
  return typeof value === 'string' && (UI_LANGUAGES as readonly string[]).includes(value);
}

/** The popup's language chosen by the user; null follows the browser's language. */
export const uiLanguageSetting = storage.defineItem<UiLanguage | null>('local:uiLanguage', {
  fallback: null,
  version: 1,
});

/**
 * The user's renames, merges and author-list audiences (utils/storage/audienceDefinitions.ts).
 * Version 1; a new shape bumps `version` and adds a migration, with a test.
 */
export const audienceDefinitionsSetting = storage.defineItem<AudienceDefinitions>('local:audienceDefinitions', {
  fallback: emptyAudienceDefinitions(),
  version: 1,
});
