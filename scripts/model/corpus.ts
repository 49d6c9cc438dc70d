import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fnv1a32 } from '../../utils/featurizer/hash';
import { normalizeText } from '../../utils/featurizer/normalize';
import { LABELS, type Label } from '../../utils/model/types';

export const CORPUS_DIR = 'models/corpus';
export const STYLES = ['linkedin', 'x', 'facebook', 'instagram', 'threads', 'mastodon', 'bluesky', 'reddit_title', 'reddit_comment'] as const;

export interface CorpusRow {
  text: string;
  label: Label;
  lang: 'fr' | 'en';
  style: (typeof STYLES)[number];
  category: string;
  /** Where it came from, for error messages: "fr-personal-01.jsonl:12". */
  origin: string;
}

export type Split = 'train' | 'validation' | 'test';

/** Reads every corpus file in name order; a malformed row stops with its file and line. */
export function loadCorpus(dir = CORPUS_DIR): { rows: CorpusRow[]; sha256: string; files: string[] } {
  const files = readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort();
  const hash = createHash('sha256');
  const rows: CorpusRow[] = [];
  for (const file of files) {
    const content = readFileSync(join(dir, file), 'utf8');
    hash.update(file).update('\0').update(content);
    content.split('\n').forEach((line, i) => {
      if (!line.trim()) return;
      const origin = `${file}:${i + 1}`;
      let row: Record<string, unknown>;
      try {
        row = JSON.parse(line) as Record<string, unknown>;
      } catch {
        throw new Error(`${origin}: not valid JSON`);
      }
      const { text, label, lang, style, category } = row;
      if (typeof text !== 'string' || !text.trim()) throw new Error(`${origin}: empty or missing "text"`);
      if (!LABELS.includes(label as Label)) throw new Error(`${origin}: "label" must be professional or personal`);
      if (lang !== 'fr' && lang !== 'en') throw new Error(`${origin}: "lang" must be fr or en`);
      if (!STYLES.includes(style as CorpusRow['style'])) throw new Error(`${origin}: unknown "style" ${String(style)}`);
      if (typeof category !== 'string') throw new Error(`${origin}: missing "category"`);
      rows.push({ text, label: label as Label, lang, style: style as CorpusRow['style'], category, origin });
    });
  }
  return { rows, sha256: hash.digest('hex'), files };
}

/** Key under which two rows count as the same post (case, accents, links and numbers ignored). */
export function dedupeKey(text: string): string {
  return normalizeText(text).replace(/\s+/g, ' ').trim();
}

/**
 * Deterministic 80/10/10 split by a hash of the normalised text, so that a post and its trivial
 * variants always fall in the same split and adding rows never reshuffles the others.
 */
export function splitOf(text: string): Split {
  const bucket = fnv1a32(dedupeKey(text), 0x5eed5eed) % 10;
  return bucket === 0 ? 'test' : bucket === 1 ? 'validation' : 'train';
}

/** Drops exact duplicates after normalisation, keeping the first occurrence. */
export function uniqueRows(rows: readonly CorpusRow[]): CorpusRow[] {
  const seen = new Set<string>();
  return rows.filter((row) => {
    const key = dedupeKey(row.text);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
