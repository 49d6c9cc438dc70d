/**
 * Streams the classify command's JSONL output and keeps, per post, only what the summary needs.
 * Problems are collected with their line numbers; the caller decides to stop (exit code 2).
 */
import { readLines } from '../classify/lines';
import type { ExportPost } from '../../utils/export/dataPackage';
import { LABELS, type Label, type Lang } from '../../utils/model/types';
import { toInstant } from '../../utils/statistics/timeZone';
import type { SummariseOptions } from './options';

/** One classified post as the summary sees it. */
export interface SummaryPost {
  line: number;
  /** Group value as text (before pseudonymisation). */
  group: string;
  platform: string;
  label: Label;
  lang: Lang;
  author: string | null;
  time: number | null;
  human: Label | null;
  model: string | null;
  exported: ExportPost;
}

export interface ReadResult {
  posts: SummaryPost[];
  /** Non-blank lines read. */
  read: number;
  /** Items the classifier could not label (no text). */
  noText: number;
  /** Posts left out with --skip-missing. */
  missingGroup: number;
  /** Posts whose time field is present but not a date. */
  badTime: number;
  /** Fatal problems, first ones with their line ("17: invalid JSON (…)"), and how many in all. */
  problems: string[];
  problemCount: number;
  /** Set when the file is not a classify output at all (first record has no p_professional). */
  notClassifyOutput: boolean;
}

const MAX_LISTED = 10;
type Json = Record<string, unknown>;

const isLabel = (v: unknown): v is Label => typeof v === 'string' && (LABELS as readonly string[]).includes(v);
const isLang = (v: unknown): v is Lang => v === 'fr' || v === 'en' || v === 'other';

/** A field value as a grouping/author key: strings as is, an audience object by its key, an author object by its handle. */
export function keyOf(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'object' && !Array.isArray(value)) {
    const o = value as Json;
    for (const name of ['key', 'handle', 'name', 'profileUrl', 'id']) if (typeof o[name] === 'string' && o[name] !== '') return o[name];
  }
  return JSON.stringify(value);
}

export async function readClassified(chunks: AsyncIterable<Uint8Array>, options: SummariseOptions): Promise<ReadResult> {
  const result: ReadResult = { posts: [], read: 0, noText: 0, missingGroup: 0, badTime: 0, problems: [], problemCount: 0, notClassifyOutput: false };
  const problem = (line: number, message: string) => {
    result.problemCount++;
    if (result.problems.length < MAX_LISTED) result.problems.push(`${line}: ${message}`);
  };

  for await (const raw of readLines(chunks)) {
    if (raw.text.trim() === '') continue;
    result.read++;
    if (raw.invalidUtf8) {
      problem(raw.line, 'invalid UTF-8');
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(raw.text);
    } catch (error) {
      problem(raw.line, `invalid JSON (${(error as Error).message})`);
      continue;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      problem(raw.line, 'not a JSON object');
      continue;
    }
    const record = value as Json;
    if (!('p_professional' in record)) {
      if (result.read === 1) {
        result.notClassifyOutput = true;
        result.problems = [`${raw.line}: not a classify output: no "p_professional" field (fields: ${Object.keys(record).slice(0, 12).join(', ') || 'none'}); run npm run classify on it first`];
        result.problemCount = 1;
        return result;
      }
      problem(raw.line, 'no "p_professional" field: not a classify output record');
      continue;
    }
    // Items the model could not read (no text) carry label null: counted, never in a share.
    if (record.label === null || (typeof record.skipped_reason === 'string' && record.skipped_reason !== '')) {
      result.noText++;
      continue;
    }
    if (!isLabel(record.label)) {
      problem(raw.line, `label must be "professional" or "personal", got ${JSON.stringify(record.label)}`);
      continue;
    }
    const p = record.p_professional;
    if (typeof p !== 'number' || !(p >= 0 && p <= 1)) {
      problem(raw.line, `p_professional must be a number from 0 to 1, got ${JSON.stringify(p)}`);
      continue;
    }
    const platform = keyOf(record.platform) ?? keyOf(record.source_platform) ?? 'unknown';
    let group = keyOf(record[options.by]);
    if (group === null) {
      if (options.skipMissing) {
        result.missingGroup++;
        continue;
      }
      problem(raw.line, `no "${options.by}" value (fields: ${Object.keys(record).slice(0, 12).join(', ')})`);
      continue;
    }
    const author = keyOf(record[options.authorField]);
    // Grouping by author: qualify by platform, as the pseudonymised author_id is.
    if (options.by === options.authorField) group = `${platform}:${group}`;
    const rawTime = record[options.timeField];
    const time = toInstant(rawTime as string | number | null | undefined);
    if (time === null && rawTime !== null && rawTime !== undefined && rawTime !== '') result.badTime++;
    const lang: Lang = isLang(record.lang) ? record.lang : 'other';
    const human = isLabel(record[options.humanField]) ? (record[options.humanField] as Label) : null;
    const seenAt = toInstant(record.seen_at as string | number | null | undefined);
    const postedAt = toInstant(record.posted_at as string | number | null | undefined);
    const position = record.feed_position;
    result.posts.push({
      line: raw.line,
      group,
      platform,
      label: record.label,
      lang,
      author,
      time,
      human,
      model: typeof record.model === 'string' ? record.model : null,
      exported: {
        platform,
        audience: keyOf(record.audience),
        post_id: keyOf(record.id) ?? String(raw.line),
        author_id: author,
        seen_at: seenAt,
        posted_at: postedAt,
        feed_position: typeof position === 'number' && Number.isInteger(position) && position >= 0 ? position : null,
        sponsored: typeof record.sponsored === 'boolean' ? record.sponsored : null,
        repost: typeof record.repost === 'boolean' ? record.repost : record.repost && typeof record.repost === 'object' ? true : null,
        lang,
        p_professional: p,
        model_label: record.label,
        human_label: human,
        text: typeof record.text === 'string' ? record.text : null,
      },
    });
  }
  return result;
}
