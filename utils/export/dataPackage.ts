/**
 * The research export as a Frictionless Tabular Data Package: datapackage.json (schemas generated
 * from schema.ts, plus Properso's metadata) beside posts.csv, tallies.csv and agreement.csv.
 * Ids are pseudonymised here, so no caller can forget to; the text column exists only on opt-in.
 */
import type { Label, Lang } from '../model/types';
import type { ErrorRates } from '../statistics/types';
import type { Verdict } from '../statistics/verdict';
import { toCsv } from './csv';
import { pseudonymiser, PSEUDONYM_HEX_LENGTH, type PseudonymKey } from './pseudonymise';
import { columnsOf, EXPORT_SCHEMA_VERSION, RESOURCES, type ResourceName } from './schema';
import { formatValue, toTableSchema } from './tableSchema';

/** A post to export, with its ids in the clear (they are pseudonymised on the way out). */
export interface ExportPost {
  platform: string;
  audience?: string | null;
  post_id: string;
  author_id?: string | null;
  seen_at?: string | number | null;
  posted_at?: string | number | null;
  feed_position?: number | null;
  sponsored?: boolean | null;
  repost?: boolean | null;
  lang?: Lang | null;
  p_professional: number;
  model_label: Label;
  human_label?: Label | null;
  text?: string | null;
}

export interface TallyRow {
  audience: string;
  window_start: string | number | null;
  window_end: string | number | null;
  unit: 'post' | 'author';
  n: number;
  k: number | null;
  share: number;
  ci_low: number | null;
  ci_high: number | null;
  corrected_share: number | null;
  corrected_ci_low: number | null;
  corrected_ci_high: number | null;
  method: string;
  verdict: Verdict;
}

export interface AgreementRow {
  language: Lang | 'all';
  n: number;
  accuracy: number;
  kappa: number | null;
  precision: number | null;
  recall: number | null;
  sensitivity: number | null;
  specificity: number | null;
}

export interface ExportMetadata {
  /** ISO 8601; passed in so that a package can be rebuilt byte for byte. */
  created: string;
  /** What wrote it ("properso summarise 0.1.0", "properso extension 0.1.0"). */
  generator: string;
  model: { id: string; sha256: string; version?: string };
  codebookVersion: string;
  sampling: {
    /** Where the posts come from and what they do and do not represent. */
    note: string;
    /** Posts read (captured, or lines of the input). */
    postsSeen: number;
    /** What was left out, and how many. */
    excluded: Array<{ reason: string; count: number }>;
  };
  grouping?: { by: string; window: 'day' | 'week' | 'all'; timeZone: string };
  /** The error rates used for corrections, per language (null: none, no correction). */
  errorRates?: Record<string, ErrorRates | null>;
}

export interface PrivacyOptions {
  key: PseudonymKey;
  /** 'random': a fresh key for this export only (pseudonyms link to nothing else); 'user': the user's own key. */
  keyKind: 'random' | 'user';
  includeText: boolean;
}

/** File name → text. */
export type DataPackageFiles = Record<string, string>;

export const STATISTICAL_METHODS: readonly string[] = [
  'Post-level share: k/n with the Wilson score interval (Wilson 1927), 95 %.',
  'Author-level share: mean of per-author shares with a Student t interval over authors (df = authors − 1), clipped to [0, 1].',
  'Correction: Rogan–Gladen (1978) per language with the model\'s sensitivity and specificity, clipped to [0, 1]; interval by Lang & Reiczigel (2014) when the error-rate sample sizes are known, else the Wilson bounds corrected; several languages combined weighted by posts; author rows by the delta method.',
  'Verdict: well_suited when the (corrected if available) lower bound ≥ 0.6, poorly_suited when the upper bound ≤ 0.4, mixed otherwise, not_enough under 30 posts or authors.',
  'Differences between two shares: Newcombe (1998) hybrid score interval.',
  'Agreement: accuracy, Cohen\'s kappa, precision and recall of the model against human labels; human-based sensitivity and specificity replace the model card\'s for a language with at least 20 human labels.',
  'See docs/STATISTICS.md.',
];

export const DEFAULT_SAMPLING_NOTE =
  'Posts from personalised feeds: what each platform chose to show this user, in the views they opened, ' +
  'not a random sample of any audience. A post counts once, under the audience it was first seen in. ' +
  'Posts without text cannot be classified and are left out of every share.';

function csvOf(resource: ResourceName, rows: ReadonlyArray<Record<string, unknown>>, includeText: boolean): string {
  const columns = columnsOf(resource, { includeText });
  return toCsv(
    columns.map((c) => c.name),
    rows.map((row) => columns.map((c) => formatValue(c.type, row[c.name], `${resource}.${c.name}`))),
  );
}

/** Builds the package's files. Pseudonymises `post_id` and `author_id` (as "platform:id"). */
export async function buildDataPackage(input: {
  posts: readonly ExportPost[];
  tallies: readonly TallyRow[];
  agreement: readonly AgreementRow[];
  metadata: ExportMetadata;
  privacy: PrivacyOptions;
}): Promise<DataPackageFiles> {
  const { metadata, privacy } = input;
  const pseudonym = await pseudonymiser(privacy.key);
  const posts = await Promise.all(
    input.posts.map(async (post) => ({
      ...post,
      post_id: await pseudonym(`${post.platform}:${post.post_id}`),
      author_id: post.author_id ? await pseudonym(`${post.platform}:${post.author_id}`) : null,
      text: privacy.includeText ? post.text : undefined,
    })),
  );
  const descriptor = {
    profile: 'tabular-data-package',
    name: 'properso-export',
    title: 'Properso export: how professional each audience is',
    created: metadata.created,
    version: EXPORT_SCHEMA_VERSION,
    resources: RESOURCES.map((r) => ({
      name: r.name,
      path: r.path,
      profile: 'tabular-data-resource',
      title: r.title,
      description: r.description,
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      dialect: { delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true, header: true },
      schema: toTableSchema(columnsOf(r.name, { includeText: privacy.includeText })),
    })),
    properso: {
      exportSchemaVersion: EXPORT_SCHEMA_VERSION,
      generator: metadata.generator,
      model: metadata.model,
      codebookVersion: metadata.codebookVersion,
      statisticalMethods: STATISTICAL_METHODS,
      sampling: { ...metadata.sampling, postsIncluded: posts.length },
      ...(metadata.grouping ? { grouping: metadata.grouping } : {}),
      ...(metadata.errorRates ? { errorRates: metadata.errorRates } : {}),
      privacy: {
        pseudonymisation: `post_id and author_id are HMAC-SHA-256 of "platform:id" under a secret key, first ${PSEUDONYM_HEX_LENGTH} hex digits`,
        key: privacy.keyKind === 'random' ? 'random key made for this export and not kept: its pseudonyms link to no other export' : 'the user\'s own key: exports made with it can be linked by whoever holds it',
        textIncluded: privacy.includeText,
      },
    },
  };
  return {
    'datapackage.json': `${JSON.stringify(descriptor, null, 2)}\n`,
    'posts.csv': csvOf('posts', posts as unknown as Array<Record<string, unknown>>, privacy.includeText),
    'tallies.csv': csvOf('tallies', input.tallies as unknown as Array<Record<string, unknown>>, false),
    'agreement.csv': csvOf('agreement', input.agreement as unknown as Array<Record<string, unknown>>, false),
  };
}
