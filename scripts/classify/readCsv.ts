import { InputError, type InvalidLine, type Parsed, type RawLine } from './types';

/** Delimiters tried for the header, in order: comma (RFC 4180), then semicolon and tab (French Excel, TSV). */
export const DELIMITERS = [',', ';', '\t'] as const;

/** A record longer than this with an open quote means a quote is never closed: stop instead of buffering the file. */
export const MAX_RECORD_CHARS = 4 * 1024 * 1024;

/**
 * Splits one complete CSV record (its lines joined by "\n") into fields, RFC 4180 style: fields
 * containing the delimiter, quotes or newlines are quoted, a quote inside is doubled. Throws on a
 * quote where RFC 4180 allows none.
 */
export function splitRecord(text: string, delimiter: string): string[] {
  const fields: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i <= text.length) {
    if (i === text.length) {
      fields.push(field);
      break;
    }
    const ch = text[i]!;
    if (field === '' && !quoted && ch === '"') {
      // Quoted field: read to the closing quote.
      quoted = true;
      i++;
      for (;;) {
        const close = text.indexOf('"', i);
        if (close === -1) throw new Error('unterminated quoted field');
        field += text.slice(i, close);
        if (text[close + 1] === '"') {
          field += '"';
          i = close + 2;
        } else {
          i = close + 1;
          break;
        }
      }
      if (i < text.length && text[i] !== delimiter) throw new Error(`unexpected ${JSON.stringify(text[i])} after a closing quote`);
      continue;
    }
    if (ch === delimiter) {
      fields.push(field);
      field = '';
      quoted = false;
    } else if (ch === '"') {
      throw new Error('quote inside an unquoted field (quote the field and double the quote)');
    } else {
      field += ch;
    }
    i++;
  }
  return fields;
}

/** Whether the quotes seen so far leave a quoted field open (an odd count: "" escapes come in pairs). */
function opensQuote(text: string, open: boolean): boolean {
  let state = open;
  for (let i = text.indexOf('"'); i !== -1; i = text.indexOf('"', i + 1)) state = !state;
  return state;
}

function findColumn(header: readonly string[], name: string): number {
  return header.findIndex((h) => h.trim().toLowerCase() === name);
}

/**
 * Reads CSV lines into records. The first record is the header; it must have a `text` column
 * (checked with a comma, then a semicolon, then a tab as delimiter), else an InputError names the
 * columns found. Records may span lines (quoted newlines); ids default to the data-row number.
 */
export class CsvParser {
  header: string[] | null = null;
  delimiter = ',';
  private textIndex = -1;
  private idIndex = -1;
  private row = 0;
  private lines: string[] = [];
  private chars = 0;
  private start = 0;
  private open = false;
  private badUtf8Line = 0;

  constructor(private readonly fileName = 'input') {}

  /** Feeds one line; returns a record when this line completes one (null for the header and blank lines). */
  push(raw: RawLine): Parsed | null {
    if (this.lines.length === 0) {
      this.start = raw.line;
      this.badUtf8Line = 0;
    }
    if (raw.invalidUtf8 && this.badUtf8Line === 0) this.badUtf8Line = raw.line;
    this.lines.push(raw.text);
    this.chars += raw.text.length + 1;
    this.open = opensQuote(raw.text, this.open);
    if (this.open) {
      if (this.chars > MAX_RECORD_CHARS) {
        throw new InputError(`${this.fileName}:${this.start}: a quoted field opened here is still not closed ${this.lines.length} lines later; check the quoting`);
      }
      return null;
    }
    return this.complete(raw.line);
  }

  /** At end of file: a record still open means an unterminated quoted field. */
  end(): Parsed | null {
    if (this.header === null && this.lines.length === 0) throw new InputError(`${this.fileName}: empty file, expected a header row with a "text" column`);
    if (this.lines.length === 0) return null;
    const line = this.start;
    this.reset();
    if (this.header === null) throw new InputError(`${this.fileName}:${line}: the header row has an unterminated quoted field`);
    return { kind: 'invalid', line, reason: 'malformed CSV', detail: 'unterminated quoted field (runs to the end of the file)' };
  }

  private reset(): void {
    this.lines = [];
    this.chars = 0;
    this.open = false;
  }

  private complete(lastLine: number): Parsed | null {
    const text = this.lines.join('\n');
    const line = this.start;
    const badUtf8 = this.badUtf8Line;
    const span = lastLine > line ? `record spans lines ${line}–${lastLine}` : '';
    this.reset();

    if (this.header === null) return this.readHeader(text, line, badUtf8);
    if (text.trim() === '' && badUtf8 === 0) return null;
    this.row++;
    const invalid = (reason: InvalidLine['reason'], detail?: string): InvalidLine => {
      const details = [detail, span].filter(Boolean).join('; ');
      return details ? { kind: 'invalid', line, reason, detail: details } : { kind: 'invalid', line, reason };
    };
    if (badUtf8 !== 0) return invalid('invalid UTF-8', badUtf8 !== line ? `at line ${badUtf8}` : undefined);
    let fields: string[];
    try {
      fields = splitRecord(text, this.delimiter);
    } catch (error) {
      return invalid('malformed CSV', (error as Error).message);
    }
    if (fields.length !== this.header.length) {
      return invalid('wrong number of columns', `row has ${fields.length} fields, header has ${this.header.length}`);
    }
    const value = fields[this.textIndex]!;
    if (value.trim() === '') return invalid('empty text');
    const id = this.idIndex >= 0 && fields[this.idIndex] !== '' ? fields[this.idIndex] : this.row;
    return {
      kind: 'record',
      line,
      id,
      text: value,
      carried: this.header.flatMap((name, i): Array<[string, unknown]> => (i === this.idIndex ? [] : [[name, fields[i]]])),
    };
  }

  private readHeader(text: string, line: number, badUtf8: number): null {
    if (badUtf8 !== 0) throw new InputError(`${this.fileName}:${badUtf8}: the header row is not valid UTF-8`);
    if (text.trim() === '') throw new InputError(`${this.fileName}:${line}: the first line is empty, expected a header row with a "text" column`);
    let firstTry: string[] | null = null;
    for (const delimiter of DELIMITERS) {
      let header: string[];
      try {
        header = splitRecord(text, delimiter);
      } catch (error) {
        throw new InputError(`${this.fileName}:${line}: malformed header row (${(error as Error).message})`);
      }
      firstTry ??= header;
      const textIndex = findColumn(header, 'text');
      if (textIndex >= 0) {
        this.header = header;
        this.delimiter = delimiter;
        this.textIndex = textIndex;
        this.idIndex = findColumn(header, 'id');
        return null;
      }
    }
    const found = (firstTry ?? []).map((h) => JSON.stringify(h)).join(', ');
    throw new InputError(`${this.fileName}:${line}: no "text" column in the header; columns found: ${found}`);
  }
}
