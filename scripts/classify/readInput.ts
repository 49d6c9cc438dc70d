import { createReadStream } from 'node:fs';
import { extname } from 'node:path';
import { readLines } from './lines';
import { CsvParser } from './readCsv';
import { JsonLinesParser } from './readJsonl';
import type { InputKind, Parsed } from './types';

/** How a file is read, from its extension: JSON lines (then Zeeschuimer/4CAT detection) or CSV. */
export function sourceFormatOf(path: string): 'json' | 'csv' | null {
  const ext = extname(path).toLowerCase();
  if (ext === '.jsonl' || ext === '.ndjson') return 'json';
  if (ext === '.csv' || ext === '.tsv') return 'csv';
  return null;
}

/** Parsed records and invalid lines of one input, streamed; `kind()` is known once the first record is out. */
export function openInput(path: string, displayName: string, chunks?: AsyncIterable<Uint8Array> | Iterable<Uint8Array>) {
  const format = sourceFormatOf(path);
  const json = new JsonLinesParser();
  const csv = new CsvParser(displayName);
  const source = chunks ?? createReadStream(path, { highWaterMark: 1 << 20 });
  return {
    kind(): InputKind | null {
      return format === 'csv' ? 'csv' : json.kind;
    },
    async *records(): AsyncGenerator<Parsed> {
      for await (const raw of readLines(source)) {
        const parsed = format === 'csv' ? csv.push(raw) : json.parse(raw);
        if (parsed) yield parsed;
      }
      if (format === 'csv') {
        const last = csv.end();
        if (last) yield last;
      }
    },
  };
}
