/**
 * npm run corpus:check — the corpus's health: row validity, exact and near duplicates, balance per
 * language × label × category, styles and lengths, and proof that no row is copied from the real
 * posts in ../shared/data (exact or near match). Exits 1 on duplicates within the corpus beyond the
 * tolerance or on any copied row.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fnv1a32 } from '../utils/featurizer/hash';
import { normalizeText, tokenize } from '../utils/featurizer/normalize';
import { dedupeKey, loadCorpus, STYLES } from './model/corpus';
import { SHARED_DATA_DIR } from './model/devset';

const NEAR_DUPLICATE_JACCARD = 0.7;
const COPY_JACCARD = 0.5;
/** Shorter posts ("Merci !", "lol") are common phrases, not copies. */
const MIN_WORDS_FOR_COPY_CHECK = 6;
const HASHES = 32;
const BANDS = 16;

function shingles(text: string): Set<string> {
  const tokens = tokenize(normalizeText(text));
  if (tokens.length < 3) return new Set([tokens.join(' ')]);
  const set = new Set<string>();
  for (let i = 0; i + 3 <= tokens.length; i++) set.add(tokens.slice(i, i + 3).join(' '));
  return set;
}

function minhash(set: Set<string>): Uint32Array {
  const sig = new Uint32Array(HASHES).fill(0xffffffff);
  for (const s of set) {
    for (let h = 0; h < HASHES; h++) {
      const v = fnv1a32(s, 0x9e3779b9 + h * 0x85ebca6b);
      if (v < sig[h]!) sig[h] = v;
    }
  }
  return sig;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  return inter / (a.size + b.size - inter || 1);
}

function bandKeys(sig: Uint32Array): string[] {
  const rowsPerBand = HASHES / BANDS;
  return Array.from({ length: BANDS }, (_, b) => `${b}:${Array.from(sig.subarray(b * rowsPerBand, (b + 1) * rowsPerBand)).join(',')}`);
}

const { rows, files } = loadCorpus();
console.log(`${rows.length} rows in ${files.length} files`);

// Exact duplicates after normalisation.
const firstSeen = new Map<string, string>();
const exact: string[] = [];
let shortRepeats = 0;
for (const row of rows) {
  const key = dedupeKey(row.text);
  const prior = firstSeen.get(key);
  if (!prior) firstSeen.set(key, row.origin);
  // Bare links and one-word replies normalise alike ("xxurl"); training keeps one of each.
  else if (tokenize(key).length < 3) shortRepeats++;
  else exact.push(`${row.origin} = ${prior}`);
}

// Near duplicates by MinHash LSH, verified by Jaccard on word 3-shingles.
const shingleSets = rows.map((r) => shingles(r.text));
const buckets = new Map<string, number[]>();
rows.forEach((_, i) => {
  if (shingleSets[i]!.size < 3) return; // very short posts legitimately look alike
  for (const key of bandKeys(minhash(shingleSets[i]!))) {
    const list = buckets.get(key) ?? [];
    list.push(i);
    buckets.set(key, list);
  }
});
const nearPairs = new Set<string>();
for (const list of buckets.values()) {
  for (let a = 0; a < list.length; a++) {
    for (let b = a + 1; b < list.length; b++) {
      const i = list[a]!;
      const j = list[b]!;
      if (dedupeKey(rows[i]!.text) === dedupeKey(rows[j]!.text)) continue;
      if (jaccard(shingleSets[i]!, shingleSets[j]!) >= NEAR_DUPLICATE_JACCARD) nearPairs.add(`${rows[i]!.origin} ~ ${rows[j]!.origin}`);
    }
  }
}
console.log(`short posts repeated after normalisation (bare links, one-word replies; training keeps one): ${shortRepeats}`);
console.log(`exact duplicates: ${exact.length}${exact.length ? ` (e.g. ${exact.slice(0, 5).join('; ')})` : ''}`);
console.log(`near duplicates (Jaccard ≥ ${NEAR_DUPLICATE_JACCARD}): ${nearPairs.size}${nearPairs.size ? ` (e.g. ${[...nearPairs].slice(0, 5).join('; ')})` : ''}`);

// Balance.
const count = (key: (r: (typeof rows)[number]) => string) => {
  const m = new Map<string, number>();
  for (const r of rows) m.set(key(r), (m.get(key(r)) ?? 0) + 1);
  return [...m.entries()].sort((a, b) => a[0].localeCompare(b[0]));
};
console.log('\nlanguage × label:');
for (const [k, n] of count((r) => `${r.lang} ${r.label}`)) console.log(`  ${k.padEnd(20)} ${n}`);
console.log('\nlanguage × label × category:');
for (const [k, n] of count((r) => `${r.lang} ${r.label} ${r.category}`)) console.log(`  ${k.padEnd(40)} ${n}`);
console.log('\nstyle:');
for (const [k, n] of count((r) => r.style)) console.log(`  ${k.padEnd(16)} ${n}`);
const unusedStyles = STYLES.filter((s) => !rows.some((r) => r.style === s));
if (unusedStyles.length) console.log(`  styles with no row: ${unusedStyles.join(', ')}`);
const band = (n: number) => (n < 3 ? '<3' : n <= 12 ? '3-12' : n <= 40 ? '13-40' : n <= 120 ? '41-120' : n <= 300 ? '121-300' : '>300');
console.log('\nlength (words):');
for (const [k, n] of count((r) => band(r.text.split(/\s+/).filter(Boolean).length))) console.log(`  ${k.padEnd(10)} ${n}`);

// Not copied from the real posts.
let copied: string[] = [];
if (!existsSync(SHARED_DATA_DIR)) {
  console.log(`\ncopy check skipped: ${SHARED_DATA_DIR} not found`);
} else {
  const corpusByKey = new Map<string, number[]>();
  const corpusExact = new Map<string, number>();
  rows.forEach((r, i) => {
    if (tokenize(normalizeText(r.text)).length < MIN_WORDS_FOR_COPY_CHECK) return;
    corpusExact.set(dedupeKey(r.text), i);
    for (const key of bandKeys(minhash(shingleSets[i]!))) corpusByKey.set(key, [...(corpusByKey.get(key) ?? []), i]);
  });
  let realRows = 0;
  for (const file of readdirSync(SHARED_DATA_DIR).filter((f) => f.endsWith('.jsonl'))) {
    for (const line of readFileSync(join(SHARED_DATA_DIR, file), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const real = JSON.parse(line) as { id: string; text?: string };
      if (!real.text) continue;
      realRows++;
      const exactHit = corpusExact.get(dedupeKey(real.text));
      if (exactHit !== undefined) copied.push(`${rows[exactHit]!.origin} = ${file}#${real.id}`);
      const realSet = shingles(real.text);
      if (realSet.size < 3) continue;
      const candidates = new Set(bandKeys(minhash(realSet)).flatMap((k) => corpusByKey.get(k) ?? []));
      for (const i of candidates) {
        if (jaccard(realSet, shingleSets[i]!) >= COPY_JACCARD) copied.push(`${rows[i]!.origin} ~ ${file}#${real.id}`);
      }
    }
  }
  copied = [...new Set(copied)];
  console.log(`\ncopy check against ${realRows} real posts in ${SHARED_DATA_DIR}: ${copied.length} rows copied or near-copied (Jaccard ≥ ${COPY_JACCARD})`);
  for (const c of copied.slice(0, 20)) console.log(`  ${c}`);
}

const tolerance = Math.ceil(rows.length * 0.002);
if (copied.length > 0 || exact.length + nearPairs.size > tolerance) {
  console.error(`\ncorpus check FAILED (${copied.length} copied; ${exact.length + nearPairs.size} duplicates, tolerance ${tolerance})`);
  process.exit(1);
}
console.log('\ncorpus check passed');
