/**
 * Strings of the popup's figures, review, comparison and export, of the data settings and of the help
 * page, in English and French (the popup's base strings are in components/i18n.ts). Explanations are
 * plain words for community managers; docs/STATISTICS.md has the exact methods.
 */
import { h, type ComponentChild } from 'preact';
import type { UiLanguage } from '@/utils/storage/settings';

export const FIGURE_STRINGS = {
  en: {
    suitability: 'How suitable for B2B',
    figuresHelpLink: 'What do these figures mean?',
    postsAndAuthors: '{posts} {postsWord} · {authors} {authorsWord}',
    postWords: ['post', 'posts'],
    authorWords: ['author', 'authors'],
    labelWords: ['label', 'labels'],
    postsAndAuthorsNote: 'Counted on posts with text; sponsored posts are left out.',
    share: 'Professional share',
    shareHelp:
      'Of the posts you saw in this audience, the part the model labelled professional. The numbers in brackets are the 95 % interval: the range of values that stay believable given how many posts you saw. Few posts, wide interval.',
    authorShare: 'By author',
    authorShareHelp:
      'Each author counts once: the average of each author’s own professional share. Far from the post share? A few very active accounts drive it.',
    corrected: 'Corrected for model errors',
    correctedHelp:
      'The model makes mistakes. This share undoes its known error rates, language by language; its interval is wider because those rates are estimates too.',
    correctedSourceCard: 'error rates of the model’s test set',
    correctedSourceYours: 'your own labels',
    noCorrection: 'not available',
    noCorrectionOther: 'not available: {n} posts in other languages, whose errors are not known',
    noCorrectionModel: 'not available: posts classified by another model version',
    noInterval: 'no interval',
    verdict: 'Verdict',
    verdictHelp:
      'Well suited: even the pessimistic end of the interval is at least 60 % professional. Poorly suited: even the optimistic end is at most 40 %. Mixed: in between. Under 30 posts: not enough posts yet.',
    verdicts: {
      well_suited: 'Well suited',
      mixed: 'Mixed',
      poorly_suited: 'Poorly suited',
      not_enough: 'Not enough posts yet',
    },
    trend: 'Trend by day',
    trendHelp: 'The professional share day by day (the days you scrolled this audience); a day with few posts has a wide interval.',
    trendLabel: 'Professional share over {days} days, from {first} to {last}',
    trendNone: 'No days yet.',
    trendListsNone: 'Not kept per day for author lists.',
    dayTitle: '{day}: {share} professional, {n} posts [{low}–{high}]',
    shareBarLabel: 'Professional share {share}, 95 % interval {low} to {high}',
    shareBarCorrected: '; corrected {share}, interval {low} to {high}',
    compare: 'Compare two audiences',
    compareFirst: 'First audience',
    compareSecond: 'Second audience',
    compareHelp:
      'The difference between the two professional shares, in percentage points, with its 95 % interval (Newcombe). If the interval contains 0, the two audiences may well be the same.',
    difference: 'Difference',
    moreProfessional: '{a} is more professional than {b}.',
    lessProfessional: '{a} is less professional than {b}.',
    noClearDifference: 'No clear difference between these two audiences.',
    compareNeedsTwo: 'Two audiences with posts are needed.',
    points: '{value} points',
    review: 'Review and correct',
    reviewHelp:
      'Your labels form a human-coded sample: the agreement below compares the model with you, and from 20 labels in a language your own error rates replace the model’s in the corrected share. Label posts as they come, not only the ones that look wrong.',
    reviewAudience: 'Audience to review',
    reviewLoad: 'Show latest posts',
    reviewEmpty: 'No post to review in this audience.',
    modelSays: 'Model: {label}, {p} professional',
    uncertainTag: 'uncertain',
    cuesPro: 'Towards pro:',
    cuesPerso: 'Towards perso:',
    cuesNone: 'Cues not stored for this post.',
    yourLabel: 'Your label',
    labelProfessional: 'Professional',
    labelPersonal: 'Personal',
    clearLabel: 'Clear',
    agreement: 'Agreement with your labels',
    agreementHelp:
      'Accuracy: share of posts where the model and you agree. Kappa: agreement beyond chance (1 perfect, 0 chance). Precision: of the posts the model called professional, the share you did too. Recall: of the posts you called professional, the share the model found.',
    agreementNone: 'No labels yet.',
    language: 'Language',
    labelled: 'Labels',
    accuracy: 'Accuracy',
    kappa: 'Kappa',
    precision: 'Precision',
    recall: 'Recall',
    langs: { fr: 'French', en: 'English', other: 'Other', all: 'All' },
    ratesYours: '{lang}: your own error rates are used ({n} {labels}).',
    ratesProgress: '{lang}: {n} of {min} labels before your own error rates are used.',
    export: 'Export for research',
    exportHelp:
      'A Frictionless data package (datapackage.json with posts.csv, tallies.csv and agreement.csv, zipped) or one post per line (NDJSON). Post and author ids are pseudonymised with a key kept on this device.',
    exportZip: 'Data package (.zip)',
    exportNdjson: 'Posts (NDJSON)',
    exporting: 'Preparing the file…',
    exportReady: 'Download {file} ({posts} posts)',
    exportText: 'Post texts are included (Settings).',
    exportNoText: 'Post texts are not included (Settings).',
    settings: 'Settings',
    notLoaded: '—',
  },
  fr: {
    suitability: 'Adaptée au B2B ?',
    figuresHelpLink: 'Que veulent dire ces chiffres ?',
    postsAndAuthors: '{posts} {postsWord} · {authors} {authorsWord}',
    postWords: ['post', 'posts'],
    authorWords: ['auteur', 'auteurs'],
    labelWords: ['étiquette', 'étiquettes'],
    postsAndAuthorsNote: 'Comptés sur les posts avec du texte ; les posts sponsorisés sont exclus.',
    share: 'Part pro',
    shareHelp:
      'Parmi les posts vus dans cette audience, la part que le modèle a classée pro. Les nombres entre crochets sont l’intervalle à 95 % : les valeurs qui restent crédibles vu le nombre de posts. Peu de posts, intervalle large.',
    authorShare: 'Par auteur',
    authorShareHelp:
      'Chaque auteur compte une fois : la moyenne de la part pro de chaque auteur. Très différente de la part des posts ? Quelques comptes très actifs la tirent.',
    corrected: 'Corrigée des erreurs du modèle',
    correctedHelp:
      'Le modèle se trompe parfois. Cette part retire ses taux d’erreur connus, langue par langue ; son intervalle est plus large car ces taux sont eux aussi estimés.',
    correctedSourceCard: 'taux d’erreur du jeu de test du modèle',
    correctedSourceYours: 'vos propres étiquettes',
    noCorrection: 'indisponible',
    noCorrectionOther: 'indisponible : {n} posts dans d’autres langues, dont les erreurs ne sont pas connues',
    noCorrectionModel: 'indisponible : posts classés par une autre version du modèle',
    noInterval: 'pas d’intervalle',
    verdict: 'Verdict',
    verdictHelp:
      'Bien adaptée : même le bas de l’intervalle est à au moins 60 % pro. Peu adaptée : même le haut est à au plus 40 %. Mitigée : entre les deux. Moins de 30 posts : pas encore assez de posts.',
    verdicts: {
      well_suited: 'Bien adaptée',
      mixed: 'Mitigée',
      poorly_suited: 'Peu adaptée',
      not_enough: 'Pas encore assez de posts',
    },
    trend: 'Évolution par jour',
    trendHelp: 'La part pro jour après jour (les jours où vous avez parcouru cette audience) ; un jour avec peu de posts a un intervalle large.',
    trendLabel: 'Part pro sur {days} jours, de {first} à {last}',
    trendNone: 'Pas encore de jours.',
    trendListsNone: 'Non conservée par jour pour les listes d’auteurs.',
    dayTitle: '{day} : {share} pro, {n} posts [{low}–{high}]',
    shareBarLabel: 'Part pro {share}, intervalle à 95 % de {low} à {high}',
    shareBarCorrected: ' ; corrigée {share}, intervalle de {low} à {high}',
    compare: 'Comparer deux audiences',
    compareFirst: 'Première audience',
    compareSecond: 'Seconde audience',
    compareHelp:
      'L’écart entre les deux parts pro, en points, avec son intervalle à 95 % (Newcombe). Si l’intervalle contient 0, les deux audiences sont peut-être semblables.',
    difference: 'Écart',
    moreProfessional: '{a} est plus pro que {b}.',
    lessProfessional: '{a} est moins pro que {b}.',
    noClearDifference: 'Pas d’écart net entre ces deux audiences.',
    compareNeedsTwo: 'Il faut deux audiences avec des posts.',
    points: '{value} points',
    review: 'Vérifier et corriger',
    reviewHelp:
      'Vos étiquettes forment un échantillon codé à la main : l’accord ci-dessous compare le modèle à vous, et dès 20 étiquettes dans une langue vos propres taux d’erreur remplacent ceux du modèle dans la part corrigée. Étiquetez les posts comme ils viennent, pas seulement ceux qui semblent faux.',
    reviewAudience: 'Audience à vérifier',
    reviewLoad: 'Afficher les derniers posts',
    reviewEmpty: 'Aucun post à vérifier dans cette audience.',
    modelSays: 'Modèle : {label}, {p} pro',
    uncertainTag: 'incertain',
    cuesPro: 'Vers pro :',
    cuesPerso: 'Vers perso :',
    cuesNone: 'Indices non conservés pour ce post.',
    yourLabel: 'Votre étiquette',
    labelProfessional: 'Pro',
    labelPersonal: 'Perso',
    clearLabel: 'Effacer',
    agreement: 'Accord avec vos étiquettes',
    agreementHelp:
      'Exactitude : part des posts où le modèle et vous êtes d’accord. Kappa : accord au-delà du hasard (1 parfait, 0 hasard). Précision : parmi les posts que le modèle a classés pro, la part que vous avez aussi classée pro. Rappel : parmi les posts que vous avez classés pro, la part que le modèle a trouvée.',
    agreementNone: 'Pas encore d’étiquettes.',
    language: 'Langue',
    labelled: 'Étiquettes',
    accuracy: 'Exactitude',
    kappa: 'Kappa',
    precision: 'Précision',
    recall: 'Rappel',
    langs: { fr: 'Français', en: 'Anglais', other: 'Autre', all: 'Toutes' },
    ratesYours: '{lang} : vos propres taux d’erreur sont utilisés ({n} {labels}).',
    ratesProgress: '{lang} : {n} {labels} sur {min} avant d’utiliser vos propres taux d’erreur.',
    export: 'Exporter pour la recherche',
    exportHelp:
      'Un paquet de données Frictionless (datapackage.json avec posts.csv, tallies.csv et agreement.csv, zippés) ou un post par ligne (NDJSON). Les identifiants des posts et des auteurs sont pseudonymisés avec une clé gardée sur cet appareil.',
    exportZip: 'Paquet de données (.zip)',
    exportNdjson: 'Posts (NDJSON)',
    exporting: 'Préparation du fichier…',
    exportReady: 'Télécharger {file} ({posts} posts)',
    exportText: 'Les textes des posts sont inclus (Réglages).',
    exportNoText: 'Les textes des posts ne sont pas inclus (Réglages).',
    settings: 'Réglages',
    notLoaded: '—',
  },
} as const;

export type FigureStrings = (typeof FIGURE_STRINGS)[UiLanguage];

/** The singular or plural word for n, by the language's rules (French: 0 and 1 are singular). */
export function plural(n: number, words: readonly [string, string], language: UiLanguage): string {
  return new Intl.PluralRules(language).select(n) === 'one' ? words[0] : words[1];
}

export function fillIn(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/**
 * fillIn for display: each value in its own <bdi>, so that a name the user did not write (an audience
 * label, an author) holding a right-to-left override cannot reverse the words around it.
 */
export function fillInIsolated(template: string, values: Record<string, string | number>): ComponentChild[] {
  return template.split(/(\{\w+\})/).map((part) => {
    const name = /^\{(\w+)\}$/.exec(part)?.[1];
    return name !== undefined && name in values ? h('bdi', null, String(values[name])) : part;
  });
}

const percentFormats = new Map<UiLanguage, Intl.NumberFormat>();

/** 0.634 → "63%" (en) or "63 %" (fr). */
export function percent(value: number | null | undefined, language: UiLanguage): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  let f = percentFormats.get(language);
  if (!f) percentFormats.set(language, (f = new Intl.NumberFormat(language === 'fr' ? 'fr-FR' : 'en-GB', { style: 'percent', maximumFractionDigits: 0 })));
  return f.format(value);
}

/** Bounds without the percent sign, as in "63 % [47–76]". */
export function bound(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '?' : String(Math.round(value * 100));
}

/** "63 % [47–76]", or "63 % (no interval)". */
export function shareText(value: number | null | undefined, low: number | null | undefined, high: number | null | undefined, language: UiLanguage, noInterval: string): string {
  if (value === null || value === undefined) return '—';
  if (low === null || low === undefined || high === null || high === undefined) return `${percent(value, language)} (${noInterval})`;
  return `${percent(value, language)} [${bound(low)}–${bound(high)}]`;
}

/** Decimal in [0, 1] with two digits ("0.87" / "0,87"). */
export function decimal(value: number | null | undefined, language: UiLanguage): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return new Intl.NumberFormat(language === 'fr' ? 'fr-FR' : 'en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
}
