import type { RawLine } from './types';

const NEWLINE = 0x0a;

/**
 * Splits a byte stream into lines (LF or CRLF) and decodes each with a fatal UTF-8 decoder, so an
 * invalid byte is pinned to its line instead of silently becoming U+FFFD. Splitting happens on
 * bytes, so a multi-byte character cut between two chunks is reassembled. A BOM on line 1 is
 * dropped. Memory holds one line at a time.
 */
export async function* readLines(chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): AsyncGenerator<RawLine> {
  const fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  const lenient = new TextDecoder('utf-8', { ignoreBOM: true });
  let pending: Uint8Array[] = [];
  let line = 0;

  const decode = (bytes: Uint8Array): RawLine => {
    line++;
    let end = bytes.length;
    if (end > 0 && bytes[end - 1] === 0x0d) end--;
    const body = bytes.subarray(0, end);
    let text: string;
    let invalidUtf8 = false;
    try {
      text = fatal.decode(body);
    } catch {
      text = lenient.decode(body);
      invalidUtf8 = true;
    }
    if (line === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return { line, text, invalidUtf8 };
  };

  for await (const chunk of chunks) {
    let start = 0;
    for (let nl = chunk.indexOf(NEWLINE); nl !== -1; nl = chunk.indexOf(NEWLINE, start)) {
      const piece = chunk.subarray(start, nl);
      yield decode(pending.length === 0 ? piece : concat([...pending, piece]));
      pending = [];
      start = nl + 1;
    }
    if (start < chunk.length) pending.push(chunk.slice(start));
  }
  if (pending.length > 0) yield decode(concat(pending));
}

function concat(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
