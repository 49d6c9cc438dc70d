import type { InputKind, InvalidLine, Parsed, RawLine } from './types';
import { envelopeScalars, extractPost, is4catItem, isZeeschuimerItem, SUPPORTED_PLATFORMS } from './zeeschuimer';

type Json = Record<string, unknown>;
export type JsonKind = Exclude<InputKind, 'csv'>;

function invalid(line: number, reason: InvalidLine['reason'], detail?: string): InvalidLine {
  return detail === undefined ? { kind: 'invalid', line, reason } : { kind: 'invalid', line, reason, detail };
}

/** One line as a JSON object, or why not. */
export function parseJsonObject(raw: RawLine): { value: Json } | InvalidLine {
  if (raw.invalidUtf8) return invalid(raw.line, 'invalid UTF-8');
  let value: unknown;
  try {
    value = JSON.parse(raw.text);
  } catch (error) {
    return invalid(raw.line, 'invalid JSON', (error as Error).message);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return invalid(raw.line, 'not a JSON object', Array.isArray(value) ? 'an array' : typeof value === 'object' ? 'null' : `a ${typeof value}`);
  }
  return { value: value as Json };
}

/** What a file is, from its first valid JSON object. */
export function detectJsonKind(value: Json): JsonKind {
  if (isZeeschuimerItem(value)) return 'zeeschuimer';
  if (is4catItem(value)) return '4cat';
  return 'jsonl';
}

/** A plain JSONL record: `text` (a non-empty string) and optional `id`; the other fields are carried. */
export function plainRecord(value: Json, line: number): Parsed {
  if (!('text' in value)) return invalid(line, 'missing text', `fields: ${Object.keys(value).join(', ') || 'none'}`);
  const text = value.text;
  if (typeof text !== 'string') return invalid(line, 'text not a string', text === null ? 'null' : typeof text);
  if (text.trim() === '') return invalid(line, 'empty text');
  return {
    kind: 'record',
    line,
    id: 'id' in value ? value.id : line,
    text,
    carried: Object.entries(value).filter(([k]) => k !== 'id'),
  };
}

/** A Zeeschuimer or 4CAT item: text, author, id and time from the platform's object; envelope scalars carried. */
export function platformRecord(value: Json, line: number, kind: 'zeeschuimer' | '4cat'): Parsed {
  let envelope: Json;
  let data: Json;
  if (kind === 'zeeschuimer') {
    if (!isZeeschuimerItem(value)) return invalid(line, 'not a Zeeschuimer item', 'expected keys source_platform and data');
    envelope = value;
    data = value.data as Json;
  } else {
    if (!is4catItem(value)) return invalid(line, 'not a 4CAT item', 'expected key __import_meta');
    envelope = value.__import_meta as Json;
    data = value;
  }
  const source = String(envelope.source_platform ?? '');
  const post = extractPost(source, data);
  if (!post) return invalid(line, 'unsupported platform', `"${source}"; supported: ${SUPPORTED_PLATFORMS.join(', ')}`);
  return {
    kind: 'record',
    line,
    id: post.postId ?? line,
    text: post.text,
    platform: { platform: post.platform, author: post.author, postedAt: post.postedAt },
    carried: envelopeScalars(envelope),
  };
}

/**
 * Parses JSON lines one by one; the kind is fixed by the first line that is a valid JSON object, and
 * later lines must be of the same kind. Blank lines are not records and are passed over.
 */
export class JsonLinesParser {
  kind: JsonKind | null = null;

  parse(raw: RawLine): Parsed | null {
    if (!raw.invalidUtf8 && raw.text.trim() === '') return null;
    const parsed = parseJsonObject(raw);
    if ('kind' in parsed) return parsed;
    this.kind ??= detectJsonKind(parsed.value);
    return this.kind === 'jsonl' ? plainRecord(parsed.value, raw.line) : platformRecord(parsed.value, raw.line, this.kind);
  }
}
