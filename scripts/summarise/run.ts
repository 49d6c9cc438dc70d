/**
 * npm run summarise: classify output → per-group tallies, with corrections, as a Frictionless data
 * package (folder or zip) and a readable table. docs/STATISTICS.md, docs/EXPORT.md.
 */
import { createReadStream, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDataPackage, DEFAULT_SAMPLING_NOTE, type ExportMetadata } from '../../utils/export/dataPackage';
import { pseudonymiser, randomPseudonymKey, type PseudonymKey } from '../../utils/export/pseudonymise';
import { zipDataPackage } from '../../utils/export/zip';
import type { Lang, ModelMeta } from '../../utils/model/types';
import { agreementByLanguage, errorRatesFor, type Correction } from '../../utils/statistics/agreement';
import type { ErrorRates } from '../../utils/statistics/types';
import { parseSummariseOptions, USAGE, type SummariseOptions } from './options';
import { formatTable } from './printTable';
import { readClassified } from './readClassified';
import { computeTallies } from './tallies';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const VERSION = '0.1.0';

export interface SummariseIO {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  /** Resolves INPUT, --out and --key-file (default process.cwd()). */
  cwd?: string;
  env?: Record<string, string | undefined>;
  /** The package's `created` time (tests pass a fixed one). */
  now?: () => Date;
}

class UsageError extends Error {}

function loadMeta(path: string): ModelMeta {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as ModelMeta;
  } catch (error) {
    throw new UsageError(`cannot read the model metadata ${path}: ${(error as Error).message}`);
  }
}

function loadKey(options: SummariseOptions, cwd: string, env: Record<string, string | undefined>): { key: PseudonymKey; kind: 'random' | 'user' } {
  if (options.keyFile) {
    let text: string;
    try {
      text = readFileSync(resolve(cwd, options.keyFile), 'utf8').trim();
    } catch (error) {
      throw new UsageError(`--key-file: cannot read ${options.keyFile}: ${(error as Error).message}`);
    }
    if (text === '') throw new UsageError(`--key-file: ${options.keyFile} is empty`);
    return { key: text, kind: 'user' };
  }
  const fromEnv = env.PROPERSO_PSEUDONYM_KEY;
  if (fromEnv) return { key: fromEnv, kind: 'user' };
  return { key: randomPseudonymKey(), kind: 'random' };
}

export async function runSummarise(argv: readonly string[], io: SummariseIO): Promise<number> {
  const say = (line: string) => void io.stderr.write(`${line}\n`);
  const options = parseSummariseOptions(argv);
  if (options === 'help') {
    say(USAGE);
    return 0;
  }
  if (typeof options === 'string') {
    say(`summarise: ${options}\n\n${USAGE}`);
    return 2;
  }
  const cwd = io.cwd ?? process.cwd();
  const file = options.input;
  const inputPath = resolve(cwd, file);
  if (!existsSync(inputPath) || !statSync(inputPath).isFile()) {
    say(`summarise: ${file}: no such file`);
    return 2;
  }
  if (/\.(csv|tsv)$/i.test(file)) {
    say(`summarise: ${file}: CSV is not read here; rerun npm run classify with --format jsonl`);
    return 2;
  }

  let meta: ModelMeta;
  let key: { key: PseudonymKey; kind: 'random' | 'user' };
  try {
    meta = loadMeta(options.modelMeta ? resolve(cwd, options.modelMeta) : resolve(ROOT, 'models/properso.json'));
    key = loadKey(options, cwd, io.env ?? process.env);
  } catch (error) {
    say(`summarise: ${(error as Error).message}`);
    return 2;
  }

  const read = await readClassified(createReadStream(inputPath, { highWaterMark: 1 << 20 }), options);
  if (read.read === 0) {
    say(`summarise: ${file} is empty: no records to summarise`);
    return 2;
  }
  if (read.problemCount > 0) {
    for (const problem of read.problems) say(`${file}:${problem}`);
    const more = read.problemCount - read.problems.length;
    const hint = read.notClassifyOutput ? '' : ` Fix them${read.problems.some((p) => p.includes(`no "${options.by}" value`)) ? ', or rerun with --skip-missing to leave those posts out' : ''}.`;
    say(`summarise: ${read.problemCount} problem${read.problemCount === 1 ? '' : 's'} in ${file}${more > 0 ? ` (${more} not listed)` : ''}; nothing was written.${hint}`);
    return 2;
  }
  if (read.posts.length === 0) {
    say(`summarise: ${file}: no classified post to summarise (${read.noText} without text, ${read.missingGroup} without "${options.by}")`);
    return 2;
  }

  // Error rates: human labels (≥ 20 per language) else the model card — only for the model they describe.
  const models = [...new Set(read.posts.map((p) => p.model ?? '(none)'))];
  const mismatch = models.length !== 1 || models[0] !== meta.id
    ? `the posts were classified by ${models.join(', ')}, the error rates describe ${meta.id}`
    : null;
  if (mismatch) say(`summarise: warning: ${mismatch}; shares are not corrected`);
  const corrections: Correction[] = read.posts.filter((p) => p.human !== null).map((p) => ({ lang: p.lang, model: p.label, human: p.human! }));
  const rates = Object.fromEntries((['fr', 'en', 'other'] as const).map((l) => [l, mismatch ? null : errorRatesFor(l, corrections, meta)])) as Record<Lang, ErrorRates | null>;

  const pseudonym = await pseudonymiser(key.key);
  const groupIsAuthor = options.by === options.authorField;
  const groupNames = new Map<string, string>();
  if (groupIsAuthor) for (const p of read.posts) if (!groupNames.has(p.group)) groupNames.set(p.group, await pseudonym(p.group));
  const { rows, undated } = computeTallies(read.posts, {
    window: options.window,
    timeZone: options.timeZone,
    rates,
    noCorrectionReason: mismatch,
    groupName: (g) => groupNames.get(g) ?? g,
  });

  const excluded = [
    { reason: 'no text: the model could not classify them', count: read.noText },
    { reason: `no "${options.by}" value (--skip-missing)`, count: read.missingGroup },
    { reason: `no usable "${options.timeField}" time: left out of the ${options.window} windows of tallies.csv, kept in posts.csv`, count: options.window === 'all' ? 0 : undated },
  ].filter((e) => e.count > 0);
  const metadata: ExportMetadata = {
    created: (io.now?.() ?? new Date()).toISOString(),
    generator: `properso summarise ${VERSION}`,
    model: { id: models.length === 1 ? models[0]! : models.join(' + '), sha256: mismatch ? 'unknown' : meta.sha256, version: mismatch ? undefined : meta.version },
    codebookVersion: meta.codebookVersion,
    sampling: {
      note: `${DEFAULT_SAMPLING_NOTE} Summarised from ${basename(file)} (output of npm run classify).${read.badTime > 0 ? ` ${read.badTime} posts had a "${options.timeField}" value that is not a date.` : ''}`,
      postsSeen: read.read,
      excluded,
    },
    grouping: { by: options.by, window: options.window, timeZone: options.timeZone },
    errorRates: rates,
  };
  const files = await buildDataPackage({
    posts: read.posts.map((p) => p.exported),
    tallies: rows,
    agreement: agreementByLanguage(corrections),
    metadata,
    privacy: { key: key.key, keyKind: key.kind, includeText: options.withText },
  });

  const outPath = resolve(cwd, options.out);
  let written: string;
  try {
    if (options.zip) {
      const zipPath = outPath.toLowerCase().endsWith('.zip') ? outPath : resolve(outPath, 'properso-data-package.zip');
      mkdirSync(dirname(zipPath), { recursive: true });
      writeFileSync(zipPath, zipDataPackage(files));
      written = zipPath;
    } else {
      if (existsSync(outPath) && !statSync(outPath).isDirectory()) throw new Error(`${options.out} exists and is not a folder`);
      mkdirSync(outPath, { recursive: true });
      for (const [name, text] of Object.entries(files)) writeFileSync(resolve(outPath, name), text);
      written = `${outPath}/ (${Object.keys(files).join(', ')})`;
    }
  } catch (error) {
    say(`summarise: cannot write ${options.out}: ${(error as Error).message}`);
    return 1;
  }

  io.stdout.write(formatTable(rows, { by: options.by, window: options.window, timeZone: options.timeZone }));
  const groups = new Set(read.posts.map((p) => p.group)).size;
  say(`summarise: ${file}: ${read.read} records, ${read.posts.length} classified posts in ${groups} group${groups === 1 ? '' : 's'} by "${options.by}"` +
    (excluded.length ? `; left out: ${excluded.map((e) => `${e.count} ${e.reason.split(':')[0]}`).join(', ')}` : ''));
  if (corrections.length > 0) say(`summarise: ${corrections.length} posts with a human label (${options.humanField}): see agreement.csv`);
  if (key.kind === 'random') say('summarise: ids pseudonymised with a random key that is not kept (use --key-file to link exports)');
  say(`summarise: wrote ${written}`);
  return 0;
}
