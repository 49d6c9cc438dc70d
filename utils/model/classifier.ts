import type * as OrtWasm from 'onnxruntime-web/wasm';
import { featurizeNamed, packBatch, type NamedFeatures } from '../featurizer/featurize';
import { detectLanguage } from '../language/detectLanguage';
import type { Cue, ModelMeta, Prediction } from './types';

export type OrtModule = typeof OrtWasm;

/** The ONNX session behind one small interface (STYLE.md §3): texts in, predictions out. */
export interface Classifier {
  readonly meta: ModelMeta;
  classify(texts: readonly string[]): Promise<Prediction[]>;
}

/** How many words (or word pairs) explain a prediction in each direction. */
export const CUES_PER_LABEL = 5;

async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Sums each word's features (the word, its character n-grams, its pairs) into one push per word. */
export function cuesOf(features: NamedFeatures, contributions: ArrayLike<number>, perLabel = CUES_PER_LABEL): Prediction['cues'] {
  const byWord = new Map<string, number>();
  features.names.forEach((name, i) => {
    if (name === '(length)') return;
    byWord.set(name, (byWord.get(name) ?? 0) + contributions[i]!);
  });
  const cues: Cue[] = [...byWord.entries()].map(([feature, weight]) => ({ feature, weight: Math.round(weight * 1000) / 1000 }));
  return {
    professional: cues.filter((c) => c.weight > 0).sort((a, b) => b.weight - a.weight || a.feature.localeCompare(b.feature)).slice(0, perLabel),
    personal: cues.filter((c) => c.weight < 0).sort((a, b) => a.weight - b.weight || a.feature.localeCompare(b.feature)).slice(0, perLabel),
  };
}

/** Applies the model's decision rule (threshold, uncertain band, too few words) to one probability. */
export function decide(meta: ModelMeta, pProfessional: number, wordCount: number): Pick<Prediction, 'label' | 'uncertain'> {
  const [low, high] = meta.uncertainBand;
  return {
    label: pProfessional >= meta.threshold ? 'professional' : 'personal',
    uncertain: wordCount < meta.minWordsToJudge || (pProfessional >= low && pProfessional <= high),
  };
}

/**
 * Loads the model once. `model` is the ONNX bytes (checked against meta.sha256, so a corrupt or
 * mismatched file is refused) or a URL that onnxruntime fetches itself.
 */
export async function createClassifier(ort: OrtModule, model: string | Uint8Array, meta: ModelMeta): Promise<Classifier> {
  const options = { executionProviders: ['wasm'], graphOptimizationLevel: 'all' } as const;
  let session: OrtWasm.InferenceSession;
  if (typeof model === 'string') {
    session = await ort.InferenceSession.create(model, options);
  } else {
    const bytes = new Uint8Array(model); // a copy on a plain ArrayBuffer, as Web Crypto requires
    const actual = await sha256Hex(bytes);
    if (actual !== meta.sha256) throw new Error(`Model file does not match properso.json (sha256 ${actual.slice(0, 12)}… ≠ ${meta.sha256.slice(0, 12)}…)`);
    session = await ort.InferenceSession.create(bytes, options);
  }
  return {
    meta,
    async classify(texts) {
      if (texts.length === 0) return [];
      const features = texts.map((text) => featurizeNamed(text, meta.featurizer));
      const packed = packBatch(features);
      const n = texts.length;
      const outputs = await session.run({
        indices: new ort.Tensor('int64', packed.indices, [n, packed.width]),
        weights: new ort.Tensor('float32', packed.weights, [n, packed.width]),
      });
      const probabilities = outputs.p_professional!.data as Float32Array;
      const contributions = outputs.contributions!.data as Float32Array;
      return texts.map((text, row) => {
        const f = features[row]!;
        const pProfessional = probabilities[row]!;
        return {
          ...decide(meta, pProfessional, f.wordCount),
          pProfessional,
          lang: detectLanguage(text),
          cues: cuesOf(f, contributions.subarray(row * packed.width, row * packed.width + f.indices.length)),
        };
      });
    },
  };
}
