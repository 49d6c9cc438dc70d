/**
 * The inference host: one per browser (Chrome: the offscreen document; Firefox: the background page).
 * It loads the classifier once, on the first batch, classifies batches and caches predictions by text
 * hash, so that a post seen again (another tab, a recycled element) is not run through the model twice.
 * The model loader is injected so unit tests run the host with a fake classifier in Node.
 */
import type { Classifier } from '../model/classifier';
import type { Prediction } from '../model/types';
import type { HostStatus } from '../messaging/protocol';
import { LruCache } from './lru';
import { textHash } from './textHash';
import { waitWhileHeldForTests } from './e2eHold';

export const PREDICTION_CACHE_SIZE = 5000;

export interface InferenceHost {
  classify(texts: readonly string[]): Promise<Prediction[]>;
  status(): HostStatus;
}

export interface InferenceHostOptions {
  kind: HostStatus['host'];
  loadClassifier: () => Promise<Classifier>;
  now?: () => number;
  log?: (message: string) => void;
  cacheSize?: number;
}

export function createInferenceHost(options: InferenceHostOptions): InferenceHost {
  const now = options.now ?? (() => performance.now());
  const log = options.log ?? ((message: string) => console.info(`[properso] ${message}`));
  const cache = new LruCache<string, Prediction>(options.cacheSize ?? PREDICTION_CACHE_SIZE);
  let classifier: Promise<Classifier> | undefined;
  let startedAt: number | undefined;
  const state: HostStatus = {
    host: options.kind,
    modelId: null,
    modelVersion: null,
    modelLoadMs: null,
    firstBatchMs: null,
    batches: 0,
    texts: 0,
    cacheHits: 0,
    cacheSize: 0,
  };

  function loadOnce(): Promise<Classifier> {
    if (!classifier) {
      startedAt = now();
      classifier = options.loadClassifier().then(
        (loaded) => {
          state.modelLoadMs = now() - (startedAt ?? 0);
          state.modelId = loaded.meta.id;
          state.modelVersion = loaded.meta.version;
          log(`${options.kind}: model ${loaded.meta.id}@${loaded.meta.version} ready in ${state.modelLoadMs.toFixed(0)} ms`);
          return loaded;
        },
        (error: unknown) => {
          classifier = undefined; // let the next batch retry
          throw error;
        },
      );
    }
    return classifier;
  }

  async function classify(texts: readonly string[]): Promise<Prediction[]> {
    await waitWhileHeldForTests(texts.length);
    const model = await loadOnce();
    const keys = await Promise.all(texts.map(textHash));
    const out: (Prediction | undefined)[] = keys.map((key) => cache.get(key));
    state.cacheHits += out.filter((p) => p !== undefined).length;
    // Texts not cached, each once (a batch may repeat a text: reposts, recycled elements).
    const missing = new Map<string, string>();
    keys.forEach((key, i) => {
      if (out[i] === undefined) missing.set(key, texts[i] as string);
    });
    if (missing.size > 0) {
      const predictions = await model.classify([...missing.values()]);
      if (predictions.length !== missing.size) {
        throw new Error(`Classifier returned ${predictions.length} predictions for ${missing.size} texts`);
      }
      const fresh = new Map([...missing.keys()].map((key, i) => [key, predictions[i] as Prediction]));
      for (const [key, prediction] of fresh) cache.set(key, prediction);
      keys.forEach((key, i) => (out[i] ??= fresh.get(key)));
    }
    state.batches++;
    state.texts += texts.length;
    state.cacheSize = cache.size;
    if (state.firstBatchMs === null) {
      state.firstBatchMs = now() - (startedAt ?? now());
      log(`${options.kind}: first batch (${texts.length} texts) classified ${state.firstBatchMs.toFixed(0)} ms after the host started`);
    }
    return out as Prediction[];
  }

  return { classify, status: () => ({ ...state }) };
}
