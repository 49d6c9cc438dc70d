/** Shapes shared by the statistics (docs/STATISTICS.md explains every figure). */
import type { Label, Lang } from '../model/types';

/** A post as the statistics see it; `label: null` (no text, not classified) is left out of every share. */
export interface LabelledPost {
  label: Label | null;
  /** Who wrote it (any stable id); posts without one are left out of author-weighted figures. */
  author?: string | null;
  lang?: Lang | null;
  /** When it was posted or seen: ISO 8601 text, epoch milliseconds, or a Date. */
  time?: string | number | Date | null;
}

/** k professional posts out of n. */
export interface Count {
  k: number;
  n: number;
}

/** A two-sided confidence interval. */
export interface Interval {
  low: number;
  high: number;
}

/** A figure that could not be computed says why, instead of becoming NaN. */
export interface NotComputed {
  ok: false;
  reason: string;
}

/** Error rates of the classifier for one language; `n…` (sample sizes) enable uncertainty propagation. */
export interface ErrorRates {
  sensitivity: number;
  specificity: number;
  /** Truly professional posts the sensitivity was measured on. */
  nSensitivity?: number;
  /** Truly personal posts the specificity was measured on. */
  nSpecificity?: number;
  /** Where the rates come from ("model card: corpus test split", "24 human corrections"). */
  source: string;
}
