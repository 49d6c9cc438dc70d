/**
 * How well the model agrees with a human who labelled the same posts, and the error rates used for
 * corrections: the human-based ones once a language has enough labels, else the model card's.
 */
import { classificationReport, cohensKappa } from '../evaluation/metrics';
import type { Label, Lang, ModelMeta } from '../model/types';
import type { ErrorRates } from './types';

/** Human labels needed in a language before they replace the model card's error rates. */
export const MIN_CORRECTIONS_FOR_RATES = 20;

export interface Agreement {
  n: number;
  /** Share of posts where model and human agree. */
  accuracy: number;
  /** Cohen's kappa (agreement beyond chance); null when it is undefined. */
  kappa: number | null;
  /** Of the posts the model called professional, the share the human also did; null when the model called none. */
  precision: number | null;
  /** Of the posts the human called professional, the share the model found (= sensitivity); null when the human called none. */
  recall: number | null;
  sensitivity: number | null;
  /** Of the posts the human called personal, the share the model also did; null when the human called none. */
  specificity: number | null;
  /** Posts the human called professional / personal (the sample sizes behind sensitivity / specificity). */
  humanProfessional: number;
  humanPersonal: number;
}

/** A post a human labelled (in the review screen, or a researcher's hand coding). */
export interface Correction {
  lang: Lang | null;
  model: Label;
  human: Label;
}

/** Model vs human, professional as the positive class, human as the truth. Null without posts. */
export function agreement(modelLabels: readonly Label[], humanLabels: readonly Label[]): Agreement | null {
  if (modelLabels.length !== humanLabels.length) {
    throw new RangeError(`agreement: ${modelLabels.length} model labels but ${humanLabels.length} human labels`);
  }
  const n = modelLabels.length;
  if (n === 0) return null;
  const report = classificationReport(humanLabels, modelLabels.map((l) => (l === 'professional' ? 1 : 0)));
  const modelProfessional = modelLabels.filter((l) => l === 'professional').length;
  const humanProfessional = report.professional.support;
  const humanPersonal = report.personal.support;
  const allOneLabel = new Set([...modelLabels, ...humanLabels]).size === 1;
  return {
    n,
    accuracy: report.accuracy,
    // Both raters used a single, identical label: chance agreement is 1 and kappa is 0/0.
    kappa: allOneLabel ? null : cohensKappa(modelLabels, humanLabels),
    precision: modelProfessional === 0 ? null : report.professional.precision,
    recall: humanProfessional === 0 ? null : report.professional.recall,
    sensitivity: humanProfessional === 0 ? null : report.sensitivity,
    specificity: humanPersonal === 0 ? null : report.specificity,
    humanProfessional,
    humanPersonal,
  };
}

/** One agreement row per language present (in the order fr, en, other), then `all`. */
export function agreementByLanguage(corrections: readonly Correction[]): Array<{ language: Lang | 'all' } & Agreement> {
  const rows: Array<{ language: Lang | 'all' } & Agreement> = [];
  for (const language of ['fr', 'en', 'other'] as const) {
    const subset = corrections.filter((c) => (c.lang ?? 'other') === language);
    const figures = agreement(subset.map((c) => c.model), subset.map((c) => c.human));
    if (figures) rows.push({ language, ...figures });
  }
  const all = agreement(corrections.map((c) => c.model), corrections.map((c) => c.human));
  if (all) rows.push({ language: 'all', ...all });
  return rows;
}

/** The model card's rates for a language, with the test split's class sizes when the card has them. */
export function modelCardRates(lang: Lang, modelMeta: Pick<ModelMeta, 'errorRates' | 'metrics'>): ErrorRates | null {
  if (lang !== 'fr' && lang !== 'en') return null;
  const card = modelMeta.errorRates?.[lang];
  if (!card) return null;
  const rates: ErrorRates = { sensitivity: card.sensitivity, specificity: card.specificity, source: `model card (${card.source}, n=${card.n})` };
  // metrics.test[lang] is the report the rates were computed from: its class supports are the sample sizes.
  const report = (modelMeta.metrics?.test as Record<string, unknown> | undefined)?.[lang] as
    | { n?: number; professional?: { support?: number }; personal?: { support?: number } }
    | undefined;
  const pro = report?.professional?.support;
  const per = report?.personal?.support;
  if (typeof pro === 'number' && typeof per === 'number' && pro > 0 && per > 0 && pro + per === card.n) {
    rates.nSensitivity = pro;
    rates.nSpecificity = per;
  }
  return rates;
}

/**
 * Error rates to correct posts of one language: from the human labels once there are at least
 * {@link MIN_CORRECTIONS_FOR_RATES} in that language with both labels present, else the model
 * card's, else null (no correction possible — language `other` has no card rates).
 */
export function errorRatesFor(lang: Lang, corrections: readonly Correction[], modelMeta: Pick<ModelMeta, 'errorRates' | 'metrics'>): ErrorRates | null {
  const subset = corrections.filter((c) => (c.lang ?? 'other') === lang);
  if (subset.length >= MIN_CORRECTIONS_FOR_RATES) {
    const figures = agreement(subset.map((c) => c.model), subset.map((c) => c.human))!;
    if (figures.sensitivity !== null && figures.specificity !== null) {
      return {
        sensitivity: figures.sensitivity,
        specificity: figures.specificity,
        nSensitivity: figures.humanProfessional,
        nSpecificity: figures.humanPersonal,
        source: `${subset.length} human labels`,
      };
    }
  }
  return modelCardRates(lang, modelMeta);
}
