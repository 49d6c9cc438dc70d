/**
 * Reads back the CSV files this project writes (RFC 4180: quoted fields, doubled quotes, CRLF or
 * LF, an optional UTF-8 BOM). Used by the validator; malformed quoting is reported, not guessed.
 */

export interface ParsedCsv {
  rows: string[][];
  /** 1-based line where each row starts. */
  lines: number[];
  /** Quoting errors, with the line they start on. */
  errors: Array<{ line: number; message: string }>;
}

export function parseCsv(text: string, delimiter = ','): ParsedCsv {
  const rows: string[][] = [];
  const lines: number[] = [];
  const errors: ParsedCsv['errors'] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  while (i < text.length) {
    const row: string[] = [];
    const startLine = line;
    for (;;) {
      let cell = '';
      if (text[i] === '"') {
        i++;
        let closed = false;
        while (i < text.length) {
          const ch = text[i]!;
          if (ch === '"') {
            if (text[i + 1] === '"') {
              cell += '"';
              i += 2;
              continue;
            }
            i++;
            closed = true;
            break;
          }
          if (ch === '\n') line++;
          cell += ch;
          i++;
        }
        if (!closed) errors.push({ line: startLine, message: 'a quoted field is never closed' });
        else if (i < text.length && text[i] !== delimiter && text[i] !== '\r' && text[i] !== '\n') {
          errors.push({ line, message: 'text after a closing quote' });
          while (i < text.length && text[i] !== delimiter && text[i] !== '\n' && text[i] !== '\r') cell += text[i++];
        }
      } else {
        while (i < text.length && text[i] !== delimiter && text[i] !== '\n' && text[i] !== '\r') {
          if (text[i] === '"') errors.push({ line, message: 'a quote inside an unquoted field' });
          cell += text[i++];
        }
      }
      row.push(cell);
      if (text[i] === delimiter) {
        i++;
        continue;
      }
      break;
    }
    if (text[i] === '\r') i++;
    if (text[i] === '\n') i++;
    line++;
    rows.push(row);
    lines.push(startLine);
  }
  return { rows, lines, errors };
}
