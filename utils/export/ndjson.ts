/**
 * Newline-delimited JSON: one JSON object per line, LF-terminated (https://github.com/ndjson/ndjson-spec).
 * JSON.stringify escapes control characters but leaves NEL (U+0085), U+2028 and U+2029 raw inside
 * strings; some readers (Python's str.splitlines, editors, JavaScript before ES2019) take them for
 * line ends and would cut a record in two, so they are written as \u0085, \u2028, \u2029 escapes: the
 * same string once parsed. Everything else is JSON.stringify's.
 */
const LINE_SEPARATORS = /[\u0085\u2028\u2029]/g;

export function toNdjson(records: Iterable<unknown>): string {
  let out = '';
  for (const record of records) {
    const line = JSON.stringify(record);
    if (line === undefined) throw new TypeError('toNdjson: a record cannot be written as JSON');
    // Outside strings JSON.stringify never writes these characters, so the escape is always inside one.
    out += `${line.replace(LINE_SEPARATORS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;
  }
  return out;
}
