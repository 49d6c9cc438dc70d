import { once } from 'node:events';
import { createWriteStream, existsSync, statSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Writable } from 'node:stream';
import { CSV_BOM } from '../../utils/export/csv';
import type { Classifier } from '../../utils/model/classifier';
import { loadNodeClassifier } from '../model/loadNodeClassifier';
import { buildOutput, type OutputRecord } from './output';
import { openInput, sourceFormatOf } from './readInput';
import { InputError, type InputKind, type InputRecord, type InvalidLine, type InvalidReason } from './types';
import { csvHeader, csvLine } from './writeCsv';
import { jsonlLine } from './writeJsonl';

export const USAGE = `Usage: npm run classify -- INPUT [--out FILE] [--format jsonl|csv] [--skip-invalid] [--batch N]

  INPUT            .jsonl / .ndjson (field "text", optional "id"), a Zeeschuimer export or a 4CAT
                   "original" NDJSON download (detected), or .csv / .tsv (column "text", optional "id")
  --out FILE       write there instead of stdout
  --format F       jsonl or csv (default: from the --out extension, else jsonl)
  --skip-invalid   skip invalid lines (listed on stderr) instead of stopping with exit code 2
  --batch N        posts per classifier call (default 256)

Exit codes: 0 done, 1 failure (model, output file), 2 bad usage or bad input (nothing written).
See docs/CLI.md.`;

export const DEFAULT_BATCH = 256;
/** Invalid lines printed one by one before stopping (the rest are counted). */
const MAX_LISTED_ERRORS = 10;
/** Line numbers listed in a summary. */
const MAX_LISTED_LINES = 20;

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export interface ClassifyIO {
  /** Where records go when there is no --out. */
  stdout: Writable;
  stderr: { write(text: string): unknown; isTTY?: boolean };
  /** Defaults to the shipped model (models/properso.onnx) through onnxruntime-web. */
  loadClassifier?: () => Promise<Classifier>;
  /** Resolves INPUT and --out (default process.cwd()). */
  cwd?: string;
}

interface Options {
  input: string;
  out: string | null;
  format: 'jsonl' | 'csv';
  skipInvalid: boolean;
  batch: number;
}

/** Parses argv; a string is a usage error. */
export function parseOptions(argv: readonly string[]): Options | string | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        out: { type: 'string', short: 'o' },
        format: { type: 'string', short: 'f' },
        'skip-invalid': { type: 'boolean' },
        batch: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    return (error as Error).message;
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  if (positionals.length !== 1) return positionals.length === 0 ? 'missing INPUT file' : `one INPUT file expected, got ${positionals.length}`;
  let format: 'jsonl' | 'csv' = 'jsonl';
  if (values.format !== undefined) {
    if (values.format !== 'jsonl' && values.format !== 'csv') return `--format must be jsonl or csv, not "${values.format}"`;
    format = values.format;
  } else if (values.out !== undefined) {
    const ext = extname(values.out).toLowerCase();
    if (ext === '.csv') format = 'csv';
    else if (ext !== '.jsonl' && ext !== '.ndjson' && ext !== '.json') return `cannot tell the format from "${values.out}": use --format jsonl or csv`;
  }
  let batch = DEFAULT_BATCH;
  if (values.batch !== undefined) {
    batch = Number(values.batch);
    if (!Number.isInteger(batch) || batch < 1 || batch > 100_000) return `--batch must be a whole number from 1 to 100000, not "${values.batch}"`;
  }
  return { input: positionals[0]!, out: values.out ?? null, format, skipInvalid: values['skip-invalid'] ?? false, batch };
}

/** Counts of invalid lines per reason, with the first few line numbers. */
class InvalidTally {
  total = 0;
  readonly byReason = new Map<InvalidReason, number>();
  readonly lines: number[] = [];
  readonly examples: InvalidLine[] = [];

  add(invalid: InvalidLine): void {
    this.total++;
    this.byReason.set(invalid.reason, (this.byReason.get(invalid.reason) ?? 0) + 1);
    if (this.lines.length < MAX_LISTED_LINES) this.lines.push(invalid.line);
    if (this.examples.length < MAX_LISTED_ERRORS) this.examples.push(invalid);
  }

  reasons(): string {
    return [...this.byReason.entries()].map(([reason, n]) => `${n} ${reason}`).join(', ');
  }
}

export function listLines(lines: readonly number[], total: number): string {
  const more = total - lines.length;
  return `line${total === 1 ? '' : 's'} ${lines.join(', ')}${more > 0 ? `, … (${more} more)` : ''}`;
}

export function formatInvalid(file: string, invalid: InvalidLine): string {
  return `${file}:${invalid.line}: ${invalid.reason}${invalid.detail ? ` (${invalid.detail})` : ''}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Writes with backpressure: waits for 'drain' when the stream's buffer is full. */
async function write(stream: Writable, chunk: string): Promise<void> {
  if (!stream.write(chunk)) await once(stream, 'drain');
}

/**
 * The command line: validates the whole input first (so bad input stops with exit code 2 before
 * anything is written), then streams it again through the classifier in batches. Returns the exit code.
 */
export async function runClassify(argv: readonly string[], io: ClassifyIO): Promise<number> {
  const say = (line: string) => void io.stderr.write(`${line}\n`);
  const options = parseOptions(argv);
  if (options === 'help') {
    say(USAGE);
    return 0;
  }
  if (typeof options === 'string') {
    say(`classify: ${options}\n\n${USAGE}`);
    return 2;
  }
  const cwd = io.cwd ?? process.cwd();
  const file = options.input;
  const inputPath = resolve(cwd, file);
  if (!existsSync(inputPath) || !statSync(inputPath).isFile()) {
    say(`classify: ${file}: no such file`);
    return 2;
  }
  if (sourceFormatOf(inputPath) === null) {
    say(`classify: ${file}: unknown extension "${extname(file)}"; expected .jsonl, .ndjson (JSON lines, Zeeschuimer, 4CAT) or .csv`);
    return 2;
  }
  const outPath = options.out === null ? null : resolve(cwd, options.out);
  if (outPath === inputPath) {
    say(`classify: --out ${options.out} is the input file; choose another name`);
    return 2;
  }

  // Pass 1: validate everything, write nothing.
  const tally = new InvalidTally();
  let read = 0;
  let kind: InputKind | null;
  try {
    const input = openInput(inputPath, file);
    for await (const parsed of input.records()) {
      read++;
      if (parsed.kind === 'invalid') tally.add(parsed);
    }
    kind = input.kind();
  } catch (error) {
    if (error instanceof InputError) {
      say(error.message);
      return 2;
    }
    say(`classify: cannot read ${file}: ${(error as Error).message}`);
    return 2;
  }
  if (tally.total > 0 && !options.skipInvalid) {
    for (const invalid of tally.examples) say(formatInvalid(file, invalid));
    const more = tally.total - tally.examples.length;
    say(
      `classify: ${plural(tally.total, 'invalid line')} in ${file} (${tally.reasons()})${more > 0 ? `, ${more} not listed above` : ''}; ` +
        'nothing was written. Fix them, or rerun with --skip-invalid to skip them.',
    );
    return 2;
  }

  let classifier: Classifier;
  try {
    classifier = await (io.loadClassifier ?? (() => loadNodeClassifier(resolve(ROOT, 'models/properso.onnx'), resolve(ROOT, 'models/properso.json'))))();
  } catch (error) {
    say(`classify: cannot load the model: ${(error as Error).message}`);
    return 1;
  }

  // Pass 2: classify and write as we go.
  const started = Date.now();
  const out: Writable = outPath === null ? io.stdout : createWriteStream(outPath);
  let outputError: Error | null = null;
  out.on('error', (error: Error) => {
    outputError ??= error;
  });
  const showProgress = io.stderr.isTTY === true && read >= 10_000;
  let lastProgress = started;

  let classified = 0;
  let noText = 0;
  const noTextLines: number[] = [];
  let written = 0;
  let header: string[] | null = null;
  const notInHeader = new Set<string>();
  let recordsNotInHeader = 0;
  const inputKind: InputKind = kind ?? 'jsonl';

  const flush = async (batch: InputRecord[]): Promise<void> => {
    if (batch.length === 0) return;
    const withText = batch.filter((r) => r.text !== null);
    const predictions = await classifier.classify(withText.map((r) => r.text!));
    let p = 0;
    const records: OutputRecord[] = batch.map((r) => buildOutput(r, r.text === null ? null : predictions[p++]!, classifier.meta.id, inputKind));
    classified += withText.length;
    let chunk = '';
    if (options.format === 'jsonl') {
      for (const record of records) chunk += jsonlLine(record);
    } else {
      if (header === null) {
        header = csvHeader(records);
        chunk += CSV_BOM + csvLine(header.map((name) => [name, name]), header).row;
      }
      for (const record of records) {
        const { row, missing } = csvLine(record, header);
        chunk += row;
        if (missing.length > 0) {
          recordsNotInHeader++;
          for (const name of missing) notInHeader.add(name);
        }
      }
    }
    written += records.length;
    await write(out, chunk);
    if (outputError) throw outputError;
    if (showProgress && Date.now() - lastProgress > 2000) {
      lastProgress = Date.now();
      io.stderr.write(`\rclassify: ${written} / ${read - tally.total}…`);
    }
  };

  try {
    let batch: InputRecord[] = [];
    let batchTexts = 0;
    for await (const parsed of openInput(inputPath, file).records()) {
      if (parsed.kind === 'invalid') continue; // counted and listed in pass 1
      if (parsed.text === null) {
        noText++;
        if (noTextLines.length < MAX_LISTED_LINES) noTextLines.push(parsed.line);
      }
      batch.push(parsed);
      if (parsed.text !== null) batchTexts++;
      // Batch by texts to classify, so an export full of caption-less items does not make tiny batches.
      if (batchTexts >= options.batch || batch.length >= options.batch * 4) {
        await flush(batch);
        batch = [];
        batchTexts = 0;
      }
    }
    await flush(batch);
    if (options.format === 'csv' && header === null) {
      // No records: still write a header so the file opens as an empty table.
      header = buildOutput({ kind: 'record', line: 0, id: null, text: null, carried: [] }, null, classifier.meta.id, inputKind).map(([n]) => n);
      await write(out, CSV_BOM + csvLine(header.map((name) => [name, name]), header).row);
    }
    if (out !== io.stdout) {
      out.end();
      await once(out, 'finish');
    }
    if (outputError) throw outputError;
  } catch (error) {
    if (showProgress) io.stderr.write('\n');
    say(`classify: stopped after writing ${written} records: ${(error as Error).message}${outPath ? ` (${options.out} is incomplete)` : ''}`);
    return 1;
  }
  if (showProgress) io.stderr.write('\n');

  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const notClassified = read - classified;
  const why = [tally.total > 0 ? plural(tally.total, 'invalid line') + ' skipped' : '', noText > 0 ? `${noText} without text` : '']
    .filter(Boolean)
    .join(', ');
  say(`classify: ${file} (${inputKind}): ${read} read, ${classified} classified, ${notClassified} not classified${why ? ` (${why})` : ''}`);
  if (tally.total > 0) say(`classify: skipped ${plural(tally.total, 'invalid line')} (${tally.reasons()}): ${listLines(tally.lines, tally.total)}`);
  if (noText > 0) {
    say(`classify: ${plural(noText, 'item')} without text (e.g. a post with no caption) written with label null and skipped_reason "no text": ${listLines(noTextLines, noText)}`);
  }
  if (recordsNotInHeader > 0) {
    say(
      `classify: warning: ${plural(recordsNotInHeader, 'record')} had fields that first appear after the CSV header was written (${[...notInHeader].slice(0, 10).join(', ')}); ` +
        'those values are not in the CSV — use --format jsonl to keep every field',
    );
  }
  say(`classify: wrote ${written} records (${options.format}) to ${options.out ?? 'stdout'} in ${seconds} s, model ${classifier.meta.id}`);
  return 0;
}
