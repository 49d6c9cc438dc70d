import { parseArgs } from 'node:util';
import { isValidTimeZone } from '../../utils/statistics/timeZone';

export const USAGE = `Usage: npm run summarise -- CLASSIFIED.jsonl --by FIELD --out DIR [--zip] [--window day|week|all]

  CLASSIFIED.jsonl  output of npm run classify (JSON lines; rerun classify with --format jsonl for CSV)
  --by FIELD        group posts by this field (audience, platform, author, or any carried field)
  --out DIR         write datapackage.json, posts.csv, tallies.csv, agreement.csv into DIR;
                    with --zip, one zip: DIR/properso-data-package.zip, or DIR itself if it ends in .zip
  --zip             write one zip instead of a folder
  --window W        day, week (Monday first) or all (default all)
  --tz ZONE         time zone for days and weeks, e.g. Europe/Paris (default UTC)
  --time FIELD      field with the post's time (default posted_at)
  --author FIELD    field with the post's author (default author)
  --human FIELD     field with a human label, for agreement and error rates (default human_label)
  --with-text       include the post text in posts.csv (off by default)
  --key-file FILE   secret key for pseudonyms (else $PROPERSO_PSEUDONYM_KEY, else a random key per run)
  --skip-missing    leave out posts without a FIELD value instead of stopping
  --model-meta FILE model metadata with the error rates (default models/properso.json)

Exit codes: 0 done, 1 failure while writing, 2 bad usage or bad input (nothing written).
See docs/STATISTICS.md and docs/EXPORT.md.`;

export type Window = 'day' | 'week' | 'all';

export interface SummariseOptions {
  input: string;
  by: string;
  out: string;
  zip: boolean;
  window: Window;
  timeZone: string;
  timeField: string;
  authorField: string;
  humanField: string;
  withText: boolean;
  keyFile: string | null;
  skipMissing: boolean;
  modelMeta: string | null;
}

/** Parses argv; a string is a usage error. */
export function parseSummariseOptions(argv: readonly string[]): SummariseOptions | string | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        by: { type: 'string' },
        out: { type: 'string', short: 'o' },
        zip: { type: 'boolean' },
        window: { type: 'string' },
        tz: { type: 'string' },
        time: { type: 'string' },
        author: { type: 'string' },
        human: { type: 'string' },
        'with-text': { type: 'boolean' },
        'key-file': { type: 'string' },
        'skip-missing': { type: 'boolean' },
        'model-meta': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    return (error as Error).message;
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  if (positionals.length !== 1) return positionals.length === 0 ? 'missing CLASSIFIED.jsonl file' : `one input file expected, got ${positionals.length}`;
  if (!values.by) return 'missing --by FIELD (e.g. --by audience)';
  if (!values.out) return 'missing --out DIR';
  const window = values.window ?? 'all';
  if (window !== 'day' && window !== 'week' && window !== 'all') return `--window must be day, week or all, not "${window}"`;
  const timeZone = values.tz ?? 'UTC';
  if (!isValidTimeZone(timeZone)) return `--tz: unknown time zone "${timeZone}" (use an IANA name such as Europe/Paris)`;
  return {
    input: positionals[0]!,
    by: values.by,
    out: values.out,
    zip: values.zip ?? false,
    window,
    timeZone,
    timeField: values.time ?? 'posted_at',
    authorField: values.author ?? 'author',
    humanField: values.human ?? 'human_label',
    withText: values['with-text'] ?? false,
    keyFile: values['key-file'] ?? null,
    skipMissing: values['skip-missing'] ?? false,
    modelMeta: values['model-meta'] ?? null,
  };
}
