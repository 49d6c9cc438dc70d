/**
 * The author-weighted share: each author's own professional share, averaged over authors, so that
 * one prolific account (a recruiter posting 40 job ads) counts as one voice, not 40.
 *
 * Interval: Student's t over authors, mean ± t(0.975, m − 1) · s / √m, with s the standard deviation
 * of the m per-author shares, clipped to [0, 1]. Chosen over a bootstrap because it is deterministic
 * and closed-form; like any interval built from the spread between authors it needs at least 2
 * authors (null below). When every author has the same share the spread is 0 and a t-interval would
 * collapse to a point, claiming a certainty it does not have: the interval is then null too, and
 * the post-level Wilson interval is the one to read (docs/STATISTICS.md).
 */
import { studentTQuantile } from './distributions';
import type { LabelledPost } from './types';

export interface AuthorWeightedShare {
  /** Authors with at least one classified post. */
  authors: number;
  /** Classified posts by those authors. */
  posts: number;
  /** Mean of per-author shares; null without authors. */
  share: number | null;
  low: number | null;
  high: number | null;
  /** Why there is no interval (fewer than 2 authors, or all authors with the same share); null when there is one. */
  note: string | null;
  /** Standard error of the mean (s / √m); null when there is no interval. */
  standardError: number | null;
  /** The t quantile used (for a correction at the same level); null under 2 authors. */
  quantile: number | null;
  /** Classified posts left out because they have no author. */
  withoutAuthor: number;
  method: 't-interval-over-authors';
}

export function authorWeightedShare(posts: Iterable<LabelledPost>, confidence = 0.95): AuthorWeightedShare {
  const byAuthor = new Map<string, { k: number; n: number }>();
  let withoutAuthor = 0;
  for (const post of posts) {
    if (post.label !== 'professional' && post.label !== 'personal') continue;
    const author = post.author;
    if (author === null || author === undefined || author === '') {
      withoutAuthor++;
      continue;
    }
    const tally = byAuthor.get(author) ?? { k: 0, n: 0 };
    tally.n++;
    if (post.label === 'professional') tally.k++;
    byAuthor.set(author, tally);
  }
  return authorWeightedShareOfTallies(byAuthor.values(), withoutAuthor, confidence);
}

/**
 * The same figure from per-author counts already made (the extension keeps them as running totals):
 * one {k, n} per author with at least one classified post, and the classified posts without author.
 */
export function authorWeightedShareOfTallies(authors: Iterable<{ k: number; n: number }>, withoutAuthor = 0, confidence = 0.95): AuthorWeightedShare {
  const shares: number[] = [];
  let classified = 0;
  for (const { k, n } of authors) {
    if (n <= 0) continue;
    shares.push(k / n);
    classified += n;
  }
  const m = shares.length;
  const base = { authors: m, posts: classified, withoutAuthor, method: 't-interval-over-authors' as const };
  const none = { low: null, high: null, standardError: null, quantile: null };
  if (m === 0) return { ...base, ...none, share: null, note: 'no author' };
  const mean = shares.reduce((a, b) => a + b, 0) / m;
  if (m < 2) return { ...base, ...none, share: mean, note: 'one author: no spread between authors to build an interval from' };
  const variance = shares.reduce((a, s) => a + (s - mean) ** 2, 0) / (m - 1);
  if (variance === 0) return { ...base, ...none, share: mean, note: 'every author has the same share: the t-interval is undefined (read the post-level interval)' };
  const standardError = Math.sqrt(variance / m);
  const quantile = studentTQuantile(1 - (1 - confidence) / 2, m - 1);
  return {
    ...base,
    share: mean,
    low: Math.max(0, mean - quantile * standardError),
    high: Math.min(1, mean + quantile * standardError),
    note: null,
    standardError,
    quantile,
  };
}
