/**
 * Tally rows for every group × time window: one post-level row (Wilson, per-language correction)
 * and one author-level row (t over authors, delta-method correction) when authors are known.
 */
import type { TallyRow } from '../../utils/export/dataPackage';
import type { Lang } from '../../utils/model/types';
import { authorWeightedShare } from '../../utils/statistics/authorWeightedShare';
import { roganGladen, type Correction } from '../../utils/statistics/roganGladen';
import { correctMeanShare, stratifiedRoganGladen } from '../../utils/statistics/stratifiedCorrection';
import { addDays, localDay, startOfDay, weekStart } from '../../utils/statistics/timeZone';
import type { ErrorRates } from '../../utils/statistics/types';
import { verdict } from '../../utils/statistics/verdict';
import { wilsonInterval } from '../../utils/statistics/wilson';
import type { Window } from './options';
import type { SummaryPost } from './readClassified';

export interface TallyOptions {
  window: Window;
  timeZone: string;
  /** Error rates per language; null where none (no correction). */
  rates: Record<Lang, ErrorRates | null>;
  /** Set when the records' model is not the one the rates describe: no correction at all. */
  noCorrectionReason?: string | null;
  /** The group value as written (a pseudonym when grouping by author). */
  groupName: (group: string) => string;
}

const LANGS: readonly Lang[] = ['fr', 'en', 'other'];

interface WindowKey {
  key: string;
  start: number | null;
  end: number | null;
}

function windowOf(post: SummaryPost, options: TallyOptions): WindowKey | null {
  if (options.window === 'all') return { key: '', start: null, end: null };
  if (post.time === null) return null;
  const day = localDay(post.time, options.timeZone);
  const first = options.window === 'day' ? day : weekStart(day);
  const next = addDays(first, options.window === 'day' ? 1 : 7);
  return { key: first, start: startOfDay(first, options.timeZone), end: startOfDay(next, options.timeZone) };
}

function ratesNote(langs: readonly Lang[], rates: TallyOptions['rates']): string {
  return langs.map((l) => `${l}: ${rates[l] ? `Se ${rates[l]!.sensitivity.toFixed(3)}, Sp ${rates[l]!.specificity.toFixed(3)} from ${rates[l]!.source}` : 'no error rates'}`).join('; ');
}

function correctedColumns(c: Correction | null) {
  return c && c.ok
    ? { corrected_share: c.value, corrected_ci_low: c.low, corrected_ci_high: c.high }
    : { corrected_share: null, corrected_ci_low: null, corrected_ci_high: null };
}

function verdictOf(share: number, low: number | null, high: number | null, n: number, c: Correction | null) {
  return c && c.ok && c.low !== null && c.high !== null ? verdict(c.value, c.low, c.high, n) : verdict(share, low, high, n);
}

function postRow(group: string, w: WindowKey, posts: readonly SummaryPost[], options: TallyOptions): TallyRow {
  const n = posts.length;
  const k = posts.filter((p) => p.label === 'professional').length;
  const ci = wilsonInterval(k, n)!;
  const langs = LANGS.filter((l) => posts.some((p) => p.lang === l));
  let correction: Correction;
  if (options.noCorrectionReason) correction = { ok: false, reason: options.noCorrectionReason };
  else {
    correction = stratifiedRoganGladen(langs.map((l) => {
      const inLang = posts.filter((p) => p.lang === l);
      return { name: l, count: { n: inLang.length, k: inLang.filter((p) => p.label === 'professional').length }, rates: options.rates[l] };
    }));
  }
  const method = correction.ok ? `wilson; ${correction.method}${correction.clipped ? ' (clipped to [0, 1])' : ''} (${ratesNote(langs, options.rates)})` : `wilson; not corrected: ${correction.reason}`;
  return {
    audience: group, window_start: w.start, window_end: w.end, unit: 'post', n, k, share: k / n, ci_low: ci.low, ci_high: ci.high,
    ...correctedColumns(correction), method, verdict: verdictOf(k / n, ci.low, ci.high, n, correction),
  };
}

function authorRow(group: string, w: WindowKey, posts: readonly SummaryPost[], options: TallyOptions): TallyRow | null {
  const a = authorWeightedShare(posts);
  if (a.authors === 0 || a.share === null) return null;
  const withAuthor = posts.filter((p) => p.author !== null);
  const langs = LANGS.filter((l) => withAuthor.some((p) => p.lang === l));
  let correction: Correction;
  if (options.noCorrectionReason) correction = { ok: false, reason: options.noCorrectionReason };
  else if (langs.length !== 1) correction = { ok: false, reason: `the author-level correction needs posts of one language (here ${langs.join(', ')})` };
  else if (!options.rates[langs[0]!]) correction = { ok: false, reason: `no error rates for language "${langs[0]}"` };
  else {
    const rates = options.rates[langs[0]!]!;
    correction = a.standardError !== null && a.quantile !== null
      ? correctMeanShare(a.share, a.standardError, a.quantile, rates)
      : roganGladen(a.share, rates.sensitivity, rates.specificity);
  }
  const left = a.withoutAuthor > 0 ? `, ${a.withoutAuthor} posts without author left out` : '';
  const base = `t-interval over ${a.authors} authors (${a.posts} posts${left})${a.note ? `, no interval: ${a.note}` : ''}`;
  const method = correction.ok ? `${base}; ${correction.method} (${ratesNote(langs, options.rates)})` : `${base}; not corrected: ${correction.reason}`;
  return {
    audience: group, window_start: w.start, window_end: w.end, unit: 'author', n: a.authors, k: null, share: a.share, ci_low: a.low, ci_high: a.high,
    ...correctedColumns(correction), method, verdict: verdictOf(a.share, a.low, a.high, a.authors, correction),
  };
}

/** Rows in order of the groups' first appearance, then by window; and the posts left out of windows (no time). */
export function computeTallies(posts: readonly SummaryPost[], options: TallyOptions): { rows: TallyRow[]; undated: number } {
  const groups = new Map<string, Map<string, { w: WindowKey; posts: SummaryPost[] }>>();
  let undated = 0;
  for (const post of posts) {
    const w = windowOf(post, options);
    if (!w) {
      undated++;
      continue;
    }
    let windows = groups.get(post.group);
    if (!windows) groups.set(post.group, (windows = new Map()));
    let bucket = windows.get(w.key);
    if (!bucket) windows.set(w.key, (bucket = { w, posts: [] }));
    bucket.posts.push(post);
  }
  const rows: TallyRow[] = [];
  for (const [group, windows] of groups) {
    const name = options.groupName(group);
    for (const key of [...windows.keys()].sort()) {
      const bucket = windows.get(key)!;
      let w = bucket.w;
      if (options.window === 'all') {
        const times = bucket.posts.map((p) => p.time).filter((t): t is number => t !== null);
        w = { key, start: times.length ? times.reduce((a, b) => Math.min(a, b)) : null, end: times.length ? times.reduce((a, b) => Math.max(a, b)) : null };
      }
      rows.push(postRow(name, w, bucket.posts, options));
      const author = authorRow(name, w, bucket.posts, options);
      if (author) rows.push(author);
    }
  }
  return { rows, undated };
}
