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
    // Reading health (popup) and the options page.
    health: 'Reading',
    healthRead: 'read {read} of {found} found',
    healthWarning: '{platform} may have changed its page; some posts are not read',
    settings: 'Settings',
    optionsTitle: 'Properso settings',
    mastodonServers: 'Mastodon servers',
    mastodonHelp:
      'Properso reads mastodon.social. To read another server, add it here: your browser asks you to allow Properso on that site.',
    serverAddress: 'Server address',
    addServer: 'Add',
    removeServer: 'Remove',
    noServers: 'No other server yet.',
    invalidServer: 'This is not a server address:',
    notGranted: 'Access to the server was not granted.',
    notActive: '(not active yet)',
    audiencesTitle: 'Audiences',
    audiencesHelp:
      'Rename an audience, count it under another one, or define one as a list of authors. Your recorded posts are never changed.',
    audienceName: 'Name',
    countUnder: 'Count under',
    itself: 'itself',
    authorLists: 'Author lists',
    listName: 'List name',
    listAuthors: 'Authors, one per line: platform:handle (e.g. mastodon:claire@toot.example)',
    saveList: 'Save list',
    removeList: 'Delete list',
    newList: 'New list',
    // Stored data (components/StorageNotices.tsx) and the popup's last resort (entrypoints/popup/main.tsx).
    damagedPostsOne: '1 damaged record was set aside; the figures leave it out.',
    damagedPostsMany: '{n} damaged records were set aside; the figures leave them out.',
    damagedTotals: 'The stored totals were damaged; they were recounted from the posts.',
    damagedSettings: 'Some settings could not be read and were reset: {settings}.',
    settingPreferences: 'reading and data settings',
    settingAudienceDefinitions: 'audience names, merges and lists',
    settingUiLanguage: 'language',
    settingPseudonymKey: 'export key (a new one will be made)',
    problemsFound: 'Found on {when}. Damaged fields: {fields}.',
    problemsFoundAt: 'Found on {when}.',
    dismiss: 'Dismiss',
    storageFull: 'Storage is full: new posts cannot be saved. Free space by deleting old data (Settings → Your data: a shorter retention, or delete everything).',
    openDataSettings: 'Open data settings',
    pendingOne: '1 post waiting to be classified',
    pendingMany: '{n} posts waiting to be classified',
    crashed: 'Something went wrong while showing the popup. Your data is safe; close and reopen the popup. Details:',
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
    health: 'Lecture',
    healthRead: '{read} lus sur {found} trouvés',
    healthWarning: '{platform} a peut-être changé sa page ; certains posts ne sont pas lus',
    settings: 'Réglages',
    optionsTitle: 'Réglages de Properso',
    mastodonServers: 'Serveurs Mastodon',
    mastodonHelp:
      'Properso lit mastodon.social. Pour lire un autre serveur, ajoutez-le ici : votre navigateur vous demande d’autoriser Properso sur ce site.',
    serverAddress: 'Adresse du serveur',
    addServer: 'Ajouter',
    removeServer: 'Retirer',
    noServers: 'Aucun autre serveur pour l’instant.',
    invalidServer: 'Ce n’est pas une adresse de serveur :',
    notGranted: 'L’accès au serveur n’a pas été autorisé.',
    notActive: '(pas encore actif)',
    audiencesTitle: 'Audiences',
    audiencesHelp:
      'Renommez une audience, comptez-la avec une autre ou définissez-en une par une liste d’auteurs. Les posts enregistrés ne sont jamais modifiés.',
    audienceName: 'Nom',
    countUnder: 'Compter avec',
    itself: 'elle-même',
    authorLists: 'Listes d’auteurs',
    listName: 'Nom de la liste',
    listAuthors: 'Auteurs, un par ligne : plateforme:identifiant (ex. mastodon:claire@toot.example)',
    saveList: 'Enregistrer la liste',
    removeList: 'Supprimer la liste',
    newList: 'Nouvelle liste',
    damagedPostsOne: '1 enregistrement endommagé a été mis de côté ; les chiffres ne le comptent pas.',
    damagedPostsMany: '{n} enregistrements endommagés ont été mis de côté ; les chiffres ne les comptent pas.',
    damagedTotals: 'Les totaux enregistrés étaient endommagés ; ils ont été recomptés à partir des posts.',
    damagedSettings: 'Des réglages illisibles ont été réinitialisés : {settings}.',
    settingPreferences: 'réglages de lecture et de données',
    settingAudienceDefinitions: 'noms, regroupements et listes d’audiences',
    settingUiLanguage: 'langue',
    settingPseudonymKey: 'clé d’export (une nouvelle sera créée)',
    problemsFound: 'Constaté le {when}. Champs endommagés : {fields}.',
    problemsFoundAt: 'Constaté le {when}.',
    dismiss: 'Masquer',
    storageFull: 'Le stockage est plein : les nouveaux posts ne peuvent pas être enregistrés. Libérez de la place en supprimant des données anciennes (Réglages → Vos données : une durée de conservation plus courte, ou tout supprimer).',
    openDataSettings: 'Ouvrir les réglages des données',
    pendingOne: '1 post en attente de classement',
    pendingMany: '{n} posts en attente de classement',
    crashed: 'Un problème est survenu à l’affichage de la fenêtre. Vos données sont intactes ; fermez-la puis rouvrez-la. Détails :',
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

/** "read {read} of {found}" with the values put in. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
