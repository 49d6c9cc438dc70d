/**
 * The popup's strings in English and French. The browser's language decides unless the user picked
 * one in the popup (stored by the background, utils/storage/settings.ts).
 */
import type { UiLanguage } from '@/utils/storage/settings';

export const STRINGS = {
  en: {
    title: 'Properso',
    tagline: 'Pro or personal? The audience you scroll, classified on your device.',
    audience: 'Audience',
    posts: 'Posts',
    professional: 'Professional',
    personal: 'Personal',
    uncertain: 'Uncertain',
    total: 'All audiences',
    empty: 'No posts read yet. Scroll a feed on LinkedIn, X, Facebook, Instagram, Threads, Mastodon, Bluesky or Reddit.',
    loading: 'Loading…',
    error: 'Could not reach the extension’s background:',
    onDevice: 'Classified on this device; nothing leaves it.',
    model: 'Model',
    language: 'Language',
  },
  fr: {
    title: 'Properso',
    tagline: 'Pro ou perso ? L’audience que vous faites défiler, classée sur votre appareil.',
    audience: 'Audience',
    posts: 'Posts',
    professional: 'Pro',
    personal: 'Perso',
    uncertain: 'Incertains',
    total: 'Toutes les audiences',
    empty: 'Aucun post lu pour l’instant. Faites défiler un fil LinkedIn, X, Facebook, Instagram, Threads, Mastodon, Bluesky ou Reddit.',
    loading: 'Chargement…',
    error: 'Impossible de joindre l’arrière-plan de l’extension :',
    onDevice: 'Classé sur cet appareil ; rien n’en sort.',
    model: 'Modèle',
    language: 'Langue',
  },
} as const satisfies Record<UiLanguage, Record<string, string>>;

export type Strings = (typeof STRINGS)[UiLanguage];

/** The first of the browser's languages we speak; English otherwise. */
export function browserLanguage(languages: readonly string[]): UiLanguage {
  for (const tag of languages) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'fr' || base === 'en') return base;
  }
  return 'en';
}

export function formatCount(value: number, language: UiLanguage): string {
  return new Intl.NumberFormat(language === 'fr' ? 'fr-FR' : 'en-GB').format(value);
}
