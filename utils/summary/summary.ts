/**
 * The popup's figures per audience, computed by the background from the running totals
 * (utils/storage/aggregates.ts) with the statistics of utils/statistics/ (docs/STATISTICS.md): share
 * and Wilson interval, author-weighted share, share corrected for the model's known errors
 * (Rogan–Gladen per language, with the user's own error rates once they labelled 20 posts in a
 * language), verdict and a trend by day. The popup only draws them.
 */
import type { Lang, ModelMeta } from '../model/types';
import type { AudienceRef } from '../platforms/types';
import { agreementByLanguage, errorRatesFor, MIN_CORRECTIONS_FOR_RATES, type Agreement, type Correction as HumanLabel } from '../statistics/agreement';
import { authorWeightedShareOfTallies } from '../statistics/authorWeightedShare';
import { stratifiedRoganGladen } from '../statistics/stratifiedCorrection';
import { addDays, startOfDay } from '../statistics/timeZone';
import type { ErrorRates } from '../statistics/types';
import { verdict, type Verdict } from '../statistics/verdict';
import { wilsonInterval } from '../statistics/wilson';
import { emptyAudienceDefinitions, normaliseHandle, resolveMerge, type AudienceDefinitions } from '../storage/audienceDefinitions';
import { AUTHOR_TALLY, type AudienceAggregate, type Tally } from '../storage/aggregates';
import type { AudienceCounts } from '../storage/posts';

export const LANGS: readonly Lang[] = ['fr', 'en', 'other'];
/** Days drawn in the trend: the latest days with posts. */
export const TREND_DAYS = 14;

export interface ShareFigure {
  value: number;
  low: number | null;
  high: number | null;
}

export type CorrectedFigure =
  | { ok: true; value: number; low: number | null; high: number | null; method: string; clipped: boolean; sources: Partial<Record<Lang, string>> }
  | { ok: false; reason: string };

export interface TrendDay {
  day: string;
  n: number;
  k: number;
  share: number;
  low: number;
  high: number;
}

export interface AudienceSummary {
  audience: AudienceRef;
  /** The table's counts (sponsored left out; text-less posts included, as uncertain or with their label). */
  counts: Omit<AudienceCounts, 'audience'>;
  sponsored: number;
  /** Posts with a label (text, not sponsored): the base of every share. */
  n: number;
  k: number;
  /** Authors with at least one labelled post. */
  authors: number;
  /** Professional share k/n with its 95 % Wilson interval; null without posts. */
  share: ShareFigure | null;
  /** Mean of the authors' own shares, t interval over authors (null bounds: see note). */
  authorWeighted: { value: number | null; low: number | null; high: number | null; authors: number; note: string | null };
  corrected: CorrectedFigure;
  verdict: Verdict;
  /** Which interval the verdict was judged on. */
  verdictBasis: 'corrected' | 'share';
  byLang: Record<Lang, { n: number; k: number }>;
  /** Latest days with posts (oldest first); null for author lists (their posts are not kept per day). */
  trend: TrendDay[] | null;
}

export interface SummaryReply {
  audiences: AudienceSummary[];
  totals: Omit<AudienceCounts, 'audience'>;
  /** Error rates used for corrections, per language, with their source. */
  rates: Record<Lang, ErrorRates | null>;
  /** Human labels per language, and how many a language needs before they replace the model card's rates. */
  humanLabels: Record<Lang, number>;
  minHumanLabelsForRates: number;
  /** Model against the human labels, per language then `all`. */
  agreement: Array<{ language: Lang | 'all' } & Agreement>;
  timeZone: string;
  model: string;
  /** ms the background spent computing this reply (totals loaded and figures computed). */
  computedMs: number;
}

interface Combined {
  audience: AudienceRef;
  firstSeenAt: number;
  counts: Omit<AudienceCounts, 'audience'>;
  sponsored: number;
  n: number;
  k: number;
  byLang: Record<Lang, Tally>;
  byModel: Record<string, number>;
  /** author → [n, k] */
  byAuthor: Map<string, Tally>;
  withoutAuthor: number;
  byDay: Map<string, Tally> | null;
}

function emptyCombined(audience: AudienceRef, firstSeenAt: number, withDays: boolean): Combined {
  return {
    audience,
    firstSeenAt,
    counts: { posts: 0, professional: 0, personal: 0, uncertain: 0 },
    sponsored: 0,
    n: 0,
    k: 0,
    byLang: { fr: [0, 0], en: [0, 0], other: [0, 0] },
    byModel: {},
    byAuthor: new Map(),
    withoutAuthor: 0,
    byDay: withDays ? new Map() : null,
  };
}

function addTally(map: Map<string, Tally>, key: string, n: number, k: number): void {
  const t = map.get(key);
  if (t) {
    t[0] += n;
    t[1] += k;
  } else map.set(key, [n, k]);
}

function mergeRow(into: Combined, row: AudienceAggregate): void {
  into.firstSeenAt = Math.min(into.firstSeenAt, row.firstSeenAt);
  into.counts.posts += row.posts;
  into.counts.professional += row.professional;
  into.counts.personal += row.personal;
  into.counts.uncertain += row.uncertain;
  into.sponsored += row.sponsored;
  into.n += row.n;
  into.k += row.k;
  for (const l of LANGS) {
    into.byLang[l][0] += row.byLang[l][0];
    into.byLang[l][1] += row.byLang[l][1];
  }
  for (const [model, count] of Object.entries(row.byModel)) into.byModel[model] = (into.byModel[model] ?? 0) + count;
  for (const [author, t] of Object.entries(row.byAuthor)) if (t[AUTHOR_TALLY.n] > 0) addTally(into.byAuthor, author, t[AUTHOR_TALLY.n], t[AUTHOR_TALLY.k]);
  into.withoutAuthor += row.withoutAuthor;
  if (into.byDay) for (const [day, [n, k]] of Object.entries(row.byDay)) addTally(into.byDay, day, n, k);
}

/** The latest TREND_DAYS days with posts, each with its Wilson interval (as trendByDay computes it). */
function trendOf(byDay: Map<string, Tally>): TrendDay[] {
  return [...byDay.entries()]
    .filter(([, [n]]) => n > 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .slice(-TREND_DAYS)
    .map(([day, [n, k]]) => {
      const ci = wilsonInterval(k, n)!;
      return { day, n, k, share: k / n, low: ci.low, high: ci.high };
    });
}

function summarise(c: Combined, rates: Record<Lang, ErrorRates | null>, model: string): AudienceSummary {
  const ci = c.n > 0 ? wilsonInterval(c.k, c.n) : null;
  const share = ci ? { value: c.k / c.n, low: ci.low, high: ci.high } : null;
  const a = authorWeightedShareOfTallies(
    (function* () {
      for (const [n, k] of c.byAuthor.values()) yield { n, k };
    })(),
    c.withoutAuthor,
  );
  const foreign = Object.keys(c.byModel).filter((m) => m !== model);
  let corrected: CorrectedFigure;
  if (c.n === 0) corrected = { ok: false, reason: 'no posts to correct' };
  else if (foreign.length > 0) {
    corrected = { ok: false, reason: `some posts were classified by another model (${foreign.join(', ')}), whose error rates are not known here` };
  } else {
    const strata = LANGS.filter((l) => c.byLang[l][0] > 0).map((l) => ({ name: l, count: { n: c.byLang[l][0], k: c.byLang[l][1] }, rates: rates[l] }));
    const result = stratifiedRoganGladen(strata);
    corrected = result.ok
      ? {
          ok: true,
          value: result.value,
          low: result.low,
          high: result.high,
          method: result.method,
          clipped: result.clipped,
          sources: Object.fromEntries(strata.map((s) => [s.name, s.rates?.source ?? ''])) as Partial<Record<Lang, string>>,
        }
      : result;
  }
  const useCorrected = corrected.ok && corrected.low !== null && corrected.high !== null;
  const judged = useCorrected && corrected.ok
    ? verdict(corrected.value, corrected.low, corrected.high, c.n)
    : verdict(share?.value ?? null, share?.low ?? null, share?.high ?? null, c.n);
  return {
    audience: c.audience,
    counts: c.counts,
    sponsored: c.sponsored,
    n: c.n,
    k: c.k,
    authors: a.authors,
    share,
    authorWeighted: { value: a.share, low: a.low, high: a.high, authors: a.authors, note: a.note },
    corrected,
    verdict: judged,
    verdictBasis: useCorrected ? 'corrected' : 'share',
    byLang: Object.fromEntries(LANGS.map((l) => [l, { n: c.byLang[l][0], k: c.byLang[l][1] }])) as Record<Lang, { n: number; k: number }>,
    trend: c.byDay ? trendOf(c.byDay) : null,
  };
}

export interface SummaryInput {
  rows: readonly AudienceAggregate[];
  definitions?: AudienceDefinitions;
  /** Every human label (the review screen's corrections). */
  humanLabels: readonly HumanLabel[];
  modelMeta: Pick<ModelMeta, 'id' | 'version' | 'errorRates' | 'metrics'>;
  timeZone: string;
}

/** Per-audience figures: views in order of first sighting (after merges and renames), then author lists. */
export function computeSummary(input: SummaryInput): Omit<SummaryReply, 'computedMs'> {
  const definitions = input.definitions ?? emptyAudienceDefinitions();
  const model = `${input.modelMeta.id}@${input.modelMeta.version}`;
  const rates = Object.fromEntries(LANGS.map((l) => [l, errorRatesFor(l, input.humanLabels, input.modelMeta)])) as Record<Lang, ErrorRates | null>;

  const rows = [...input.rows].sort((a, b) => a.firstSeenAt - b.firstSeenAt);
  const own = new Map(rows.map((row) => [row.key, row.audience]));
  const views = new Map<string, Combined>();
  for (const row of rows) {
    const target = resolveMerge(definitions, row.key);
    let combined = views.get(target);
    if (!combined) views.set(target, (combined = emptyCombined({ ...(own.get(target) ?? row.audience), key: target }, row.firstSeenAt, true)));
    mergeRow(combined, row);
  }
  const lists = definitions.authorAudiences.map((list) => {
    const wanted = new Set(list.authors.map((a) => `${a.platform}:${normaliseHandle(a.handle)}`));
    const c = emptyCombined({ key: list.key, kind: 'list', label: list.label }, Infinity, false);
    for (const row of rows) {
      for (const [author, t] of Object.entries(row.byAuthor)) {
        if (!wanted.has(author)) continue;
        c.counts.posts += t[AUTHOR_TALLY.posts];
        c.counts.uncertain += t[AUTHOR_TALLY.uncertain];
        c.counts.professional += t[AUTHOR_TALLY.professional];
        c.counts.personal += t[AUTHOR_TALLY.posts] - t[AUTHOR_TALLY.uncertain] - t[AUTHOR_TALLY.professional];
        const [n, k, nFr, kFr, nEn, kEn] = t;
        if (n === 0) continue;
        c.n += n;
        c.k += k;
        c.byLang.fr[0] += nFr;
        c.byLang.fr[1] += kFr;
        c.byLang.en[0] += nEn;
        c.byLang.en[1] += kEn;
        c.byLang.other[0] += n - nFr - nEn;
        c.byLang.other[1] += k - kFr - kEn;
        addTally(c.byAuthor, author, n, k);
        // Which model labelled which author's posts is not kept: the row's models stand for them.
        for (const m of Object.keys(row.byModel)) c.byModel[m] = (c.byModel[m] ?? 0) + 1;
      }
    }
    return c;
  });

  const combined = [...views.values(), ...lists];
  for (const c of combined) {
    const renamed = definitions.renames[c.audience.key];
    if (renamed) c.audience = { ...c.audience, label: renamed };
  }
  const audiences = combined.map((c) => summarise(c, rates, model));
  const totals = { posts: 0, professional: 0, personal: 0, uncertain: 0 };
  for (const c of views.values()) {
    totals.posts += c.counts.posts;
    totals.professional += c.counts.professional;
    totals.personal += c.counts.personal;
    totals.uncertain += c.counts.uncertain;
  }
  const humanLabels = Object.fromEntries(LANGS.map((l) => [l, input.humanLabels.filter((h) => (h.lang ?? 'other') === l).length])) as Record<Lang, number>;
  return {
    audiences,
    totals,
    rates,
    humanLabels,
    minHumanLabelsForRates: MIN_CORRECTIONS_FOR_RATES,
    agreement: agreementByLanguage(input.humanLabels),
    timeZone: input.timeZone,
    model,
  };
}

/** Start and end instants of a trend day (for tooltips and exports). */
export function dayBounds(day: string, timeZone: string): { start: number; end: number } {
  return { start: startOfDay(day, timeZone), end: startOfDay(addDays(day, 1), timeZone) };
}

/** The counts table's rows, from a summary (the same figures getCounts gives). */
export function countsOfSummary(summary: Pick<SummaryReply, 'audiences' | 'totals'>): { audiences: AudienceCounts[]; totals: Omit<AudienceCounts, 'audience'> } {
  return { audiences: summary.audiences.map((a) => ({ audience: a.audience, ...a.counts })), totals: summary.totals };
}
