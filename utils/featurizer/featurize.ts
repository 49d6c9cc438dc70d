import type { FeaturizerParams } from '../model/types';
import { fnv1a32 } from './hash';
import { normalizeText, PLACEHOLDERS, tokenize } from './normalize';

const PLACEHOLDER_TOKENS = new Set<string>(Object.values(PLACEHOLDERS));

/** The featurizer settings the shipped model was trained with; models/properso.json records them. */
export const DEFAULT_FEATURIZER_PARAMS: FeaturizerParams = {
  version: 1,
  buckets: 1 << 18,
  wordNgrams: 2,
  charNgramMin: 3,
  charNgramMax: 5,
  maxFeatures: 4096,
  seed: 0x811c9dc5,
};

/** A post as the model sees it: hashed bucket indices with their weights, sorted by index. */
export interface Features {
  indices: Int32Array;
  weights: Float32Array;
  /** Number of word tokens, for the "too short to judge" rule. */
  wordCount: number;
}

/** Same as Features, plus the n-gram behind each bucket, for explanations. */
export interface NamedFeatures extends Features {
  /** For each feature, the word (or word pair) it came from: char n-grams are named by their word. */
  names: string[];
}

/** Length bands as features: very short posts behave differently (replies, lone emoji). */
function lengthFeature(wordCount: number): string {
  if (wordCount === 0) return 'len:0';
  if (wordCount <= 3) return 'len:1-3';
  if (wordCount <= 10) return 'len:4-10';
  if (wordCount <= 40) return 'len:11-40';
  if (wordCount <= 120) return 'len:41-120';
  return 'len:121+';
}

/**
 * The n-gram strings of a text, with repeats: words ("w:"), word bigrams ("b:"), character n-grams
 * of each word with boundary marks ("c:<rec", fastText-style, robust to typos and inflection),
 * and one length band.
 */
export function ngramsOf(
  text: string,
  params: FeaturizerParams = DEFAULT_FEATURIZER_PARAMS,
): { grams: string[]; origins: string[]; wordCount: number } {
  const tokens = tokenize(normalizeText(text));
  const grams: string[] = [];
  const origins: string[] = [];
  for (const token of tokens) {
    grams.push(`w:${token}`);
    origins.push(token);
  }
  if (params.wordNgrams >= 2) {
    for (let i = 0; i + 1 < tokens.length; i++) {
      grams.push(`b:${tokens[i]} ${tokens[i + 1]}`);
      origins.push(`${tokens[i]} ${tokens[i + 1]}`);
    }
  }
  for (const token of tokens) {
    if (PLACEHOLDER_TOKENS.has(token)) continue; // placeholders are whole words, not spellings
    const marked = `<${token}>`;
    const chars = Array.from(marked);
    if (chars.length - 2 < 2) continue; // one-letter words and emoji carry no sub-word signal
    for (let n = params.charNgramMin; n <= params.charNgramMax; n++) {
      for (let i = 0; i + n <= chars.length; i++) {
        grams.push(`c:${chars.slice(i, i + n).join('')}`);
        origins.push(token);
      }
    }
  }
  grams.push(lengthFeature(tokens.length));
  origins.push('(length)');
  return { grams, origins, wordCount: tokens.length };
}

function build(text: string, params: FeaturizerParams, keepNames: boolean): NamedFeatures {
  const { grams, origins, wordCount } = ngramsOf(text, params);
  const counts = new Map<number, number>();
  const names = new Map<number, string>();
  grams.forEach((gram, i) => {
    const bucket = fnv1a32(gram, params.seed) % params.buckets;
    counts.set(bucket, (counts.get(bucket) ?? 0) + 1);
    if (keepNames && !names.has(bucket)) names.set(bucket, origins[i]!);
  });
  let entries = [...counts.entries()];
  if (entries.length > params.maxFeatures) {
    // Keep the most frequent buckets (ties by index) so huge posts cost a bounded amount.
    entries.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    entries = entries.slice(0, params.maxFeatures);
  }
  entries.sort((a, b) => a[0] - b[0]);
  // Sub-linear term frequency, then L2 normalisation: long posts do not swamp the bias.
  const raw = entries.map(([, c]) => 1 + Math.log(c));
  const norm = Math.sqrt(raw.reduce((s, v) => s + v * v, 0)) || 1;
  const indices = new Int32Array(entries.length);
  const weights = new Float32Array(entries.length);
  entries.forEach(([bucket], i) => {
    indices[i] = bucket;
    weights[i] = raw[i]! / norm;
  });
  return { indices, weights, wordCount, names: keepNames ? entries.map(([b]) => names.get(b)!) : [] };
}

/** Features of one post. Pure and deterministic: trainer, extension and CLI all call this. */
export function featurize(text: string, params: FeaturizerParams = DEFAULT_FEATURIZER_PARAMS): Features {
  const { indices, weights, wordCount } = build(text, params, false);
  return { indices, weights, wordCount };
}

/** Features with the word behind each bucket (first seen), for explaining a prediction. */
export function featurizeNamed(text: string, params: FeaturizerParams = DEFAULT_FEATURIZER_PARAMS): NamedFeatures {
  return build(text, params, true);
}

/**
 * Pads a batch into the model's two [N, L] inputs. Padding uses bucket 0 with weight 0, which adds
 * nothing to the score whatever bucket 0 holds.
 */
export function packBatch(batch: readonly Features[]): { indices: BigInt64Array; weights: Float32Array; width: number } {
  const width = Math.max(1, ...batch.map((f) => f.indices.length));
  const indices = new BigInt64Array(batch.length * width);
  const weights = new Float32Array(batch.length * width);
  batch.forEach((f, row) => {
    for (let i = 0; i < f.indices.length; i++) {
      indices[row * width + i] = BigInt(f.indices[i]!);
      weights[row * width + i] = f.weights[i]!;
    }
  });
  return { indices, weights, width };
}
