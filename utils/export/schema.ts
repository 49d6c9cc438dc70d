/**
 * The research export's columns: the ONE source of truth. The Frictionless Table Schemas in
 * datapackage.json are generated from these lists (frictionless.ts), the validator checks files
 * against them, and tests check that docs/EXPORT.md documents every column.
 */
import { VERDICTS } from '../statistics/verdict';

/** Bumped when a column is added, removed, renamed or changes meaning. */
export const EXPORT_SCHEMA_VERSION = '1.0.0';

export type FieldType = 'integer' | 'number' | 'boolean' | 'datetime' | 'string';

export interface ColumnSpec {
  name: string;
  type: FieldType;
  /** Plain words, for the datapackage.json `description` and docs/EXPORT.md. */
  description: string;
  /** A value must be present in every row. */
  required?: boolean;
  enum?: readonly string[];
  minimum?: number;
  maximum?: number;
  /** Written only when the user opts in (the post text). */
  optIn?: boolean;
}

export const LABEL_VALUES = ['professional', 'personal'] as const;
export const LANG_VALUES = ['fr', 'en', 'other'] as const;
export const UNIT_VALUES = ['post', 'author'] as const;

export const POSTS_COLUMNS: readonly ColumnSpec[] = [
  { name: 'platform', type: 'string', required: true, description: 'Platform the post was seen on: the extension writes catalog ids (facebook, linkedin, x, instagram, threads, mastodon, bluesky, reddit); the command line also writes Zeeschuimer short names (tiktok, pinterest…).' },
  { name: 'audience', type: 'string', description: 'Audience the post was filed under: the view it was seen in (e.g. "linkedin:feed", "facebook:group:…"). Empty when the capture does not say.' },
  { name: 'post_id', type: 'string', required: true, description: 'Pseudonymised post id: HMAC-SHA-256 of "platform:id" under the export key, first 16 hex digits. Same post, same key → same value; not reversible without the key.' },
  { name: 'author_id', type: 'string', description: 'Pseudonymised author (HMAC-SHA-256 of "platform:author" under the export key, 16 hex digits). Empty when the author is unknown.' },
  { name: 'seen_at', type: 'datetime', description: 'When the post was first on screen long enough to count (UTC, ISO 8601). Empty when not recorded (most command-line inputs).' },
  { name: 'posted_at', type: 'datetime', description: 'When the platform says the post was published (UTC, ISO 8601). Empty when the page or file gives no machine-readable time.' },
  { name: 'feed_position', type: 'integer', minimum: 0, description: 'Order of the post in the feed as captured (lower = earlier). Empty when not recorded.' },
  { name: 'sponsored', type: 'boolean', description: 'true when the platform marked the post as sponsored (an ad). Empty when not recorded.' },
  { name: 'repost', type: 'boolean', description: 'true when the post is a repost, boost or retweet of someone else\'s post. Empty when not recorded.' },
  { name: 'lang', type: 'string', enum: LANG_VALUES, description: 'Language detected on the device: fr, en or other. Error rates, and so corrections, exist only for fr and en.' },
  { name: 'p_professional', type: 'number', required: true, minimum: 0, maximum: 1, description: 'Calibrated probability that the post is professional, from the model.' },
  { name: 'model_label', type: 'string', required: true, enum: LABEL_VALUES, description: 'The model\'s label (professional when p_professional ≥ 0.5). Posts without text, which have no label, are not in this file (see the sampling note).' },
  { name: 'human_label', type: 'string', enum: LABEL_VALUES, description: 'A human\'s label for the post (review screen or hand coding), when there is one.' },
  { name: 'text', type: 'string', optIn: true, description: 'The post text, only when the user chose to include it. Cells starting with =, +, -, @, tab or CR are prefixed with \' so that spreadsheets do not run them as formulas.' },
];

export const TALLIES_COLUMNS: readonly ColumnSpec[] = [
  { name: 'audience', type: 'string', required: true, description: 'The group the row describes: the value of the field the posts were grouped by (an audience key, a platform, or a pseudonymised author).' },
  { name: 'window_start', type: 'datetime', description: 'Start of the time window (UTC instant of local midnight in the chosen time zone for day and week windows; the earliest post time for the whole period). Empty when no post has a time.' },
  { name: 'window_end', type: 'datetime', description: 'End of the window: exclusive for day and week windows, the latest post time for the whole period. Empty when no post has a time.' },
  { name: 'unit', type: 'string', required: true, enum: UNIT_VALUES, description: '"post": every post counts once. "author": each author\'s own share counts once (author-weighted).' },
  { name: 'n', type: 'integer', required: true, minimum: 0, description: 'Posts (unit post) or authors (unit author) behind the row.' },
  { name: 'k', type: 'integer', minimum: 0, description: 'Posts the model labelled professional (unit post). Empty on author rows.' },
  { name: 'share', type: 'number', required: true, minimum: 0, maximum: 1, description: 'Share of professional posts as labelled by the model (k / n), or the mean of authors\' own shares on author rows.' },
  { name: 'ci_low', type: 'number', minimum: 0, maximum: 1, description: 'Lower bound of the 95 % interval of share (Wilson for posts, Student t over authors). Empty when it cannot be computed (a single author).' },
  { name: 'ci_high', type: 'number', minimum: 0, maximum: 1, description: 'Upper bound of the 95 % interval of share.' },
  { name: 'corrected_share', type: 'number', minimum: 0, maximum: 1, description: 'Share corrected for the model\'s known mistakes (Rogan–Gladen, per language), clipped to [0, 1]. Empty when no error rates apply (language other, or a model no better than chance); method says why.' },
  { name: 'corrected_ci_low', type: 'number', minimum: 0, maximum: 1, description: 'Lower bound of the 95 % interval of corrected_share, including the uncertainty of the error rates when their sample sizes are known.' },
  { name: 'corrected_ci_high', type: 'number', minimum: 0, maximum: 1, description: 'Upper bound of the 95 % interval of corrected_share.' },
  { name: 'method', type: 'string', required: true, description: 'How the row was computed: interval method, correction method and where the error rates came from, or why there is no correction.' },
  { name: 'verdict', type: 'string', required: true, enum: VERDICTS, description: 'well_suited (lower bound ≥ 0.6), poorly_suited (upper bound ≤ 0.4), mixed (otherwise), not_enough (fewer than 30 posts or authors). Judged on the corrected interval when there is one, else on the uncorrected one.' },
];

export const AGREEMENT_COLUMNS: readonly ColumnSpec[] = [
  { name: 'language', type: 'string', required: true, enum: [...LANG_VALUES, 'all'], description: 'Language of the posts compared (fr, en, other), or all of them.' },
  { name: 'n', type: 'integer', required: true, minimum: 0, description: 'Posts with both a model label and a human label.' },
  { name: 'accuracy', type: 'number', required: true, minimum: 0, maximum: 1, description: 'Share of those posts where the model and the human agree.' },
  { name: 'kappa', type: 'number', minimum: -1, maximum: 1, description: 'Cohen\'s kappa: agreement beyond what chance would give (1 perfect, 0 chance level). Empty when undefined (both used one label only).' },
  { name: 'precision', type: 'number', minimum: 0, maximum: 1, description: 'Of the posts the model called professional, the share the human also called professional. Empty when the model called none professional.' },
  { name: 'recall', type: 'number', minimum: 0, maximum: 1, description: 'Of the posts the human called professional, the share the model found. Empty when the human called none professional.' },
  { name: 'sensitivity', type: 'number', minimum: 0, maximum: 1, description: 'Same as recall: the rate at which the model finds professional posts (used to correct shares once a language has 20 human labels).' },
  { name: 'specificity', type: 'number', minimum: 0, maximum: 1, description: 'Of the posts the human called personal, the share the model also called personal. Empty when the human called none personal.' },
];

export type ResourceName = 'posts' | 'tallies' | 'agreement';

export interface ResourceSpec {
  name: ResourceName;
  path: string;
  title: string;
  description: string;
  columns: readonly ColumnSpec[];
}

export const RESOURCES: readonly ResourceSpec[] = [
  { name: 'posts', path: 'posts.csv', title: 'Posts', description: 'One row per classified post, identifiers pseudonymised.', columns: POSTS_COLUMNS },
  { name: 'tallies', path: 'tallies.csv', title: 'Tallies', description: 'Shares of professional posts per group and time window, post-level and author-level, with intervals, corrections and a verdict.', columns: TALLIES_COLUMNS },
  { name: 'agreement', path: 'agreement.csv', title: 'Agreement', description: 'Model against human labels, per language. Empty (header only) when no post has a human label.', columns: AGREEMENT_COLUMNS },
];

/** The columns a resource is written with (`text` only when opted in). */
export function columnsOf(resource: ResourceName, options: { includeText?: boolean } = {}): ColumnSpec[] {
  const spec = RESOURCES.find((r) => r.name === resource)!;
  return spec.columns.filter((c) => !c.optIn || options.includeText === true);
}
