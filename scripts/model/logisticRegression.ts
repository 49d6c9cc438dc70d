import type { Features } from '../../utils/featurizer/featurize';
import { seededRandom } from '../../utils/random/seededRandom';

export interface TrainingExample {
  features: Features;
  /** 1 = professional. */
  y: 0 | 1;
  /** Balances classes and languages. */
  weight: number;
}

export interface LinearModel {
  weights: Float32Array;
  bias: number;
}

export interface TrainOptions {
  buckets: number;
  learningRate: number;
  l2: number;
  maxEpochs: number;
  patience: number;
  seed: number;
}

export const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

export function score(model: LinearModel, f: Features): number {
  let z = model.bias;
  for (let i = 0; i < f.indices.length; i++) z += model.weights[f.indices[i]!]! * f.weights[i]!;
  return z;
}

export function logLoss(model: LinearModel, examples: readonly TrainingExample[]): number {
  let loss = 0;
  let total = 0;
  for (const ex of examples) {
    const p = Math.min(1 - 1e-7, Math.max(1e-7, sigmoid(score(model, ex.features))));
    loss -= ex.weight * (ex.y ? Math.log(p) : Math.log(1 - p));
    total += ex.weight;
  }
  return loss / total;
}

/**
 * Logistic regression over hashed n-grams, trained by per-example AdaGrad (sparse updates, as fastText
 * does) with L2 on the touched weights, early-stopped on validation log-loss. Returns the best epoch's
 * weights. Float32 weights and a seeded shuffle keep it byte-reproducible.
 */
export function trainLogisticRegression(
  train: readonly TrainingExample[],
  validation: readonly TrainingExample[],
  options: TrainOptions,
): { model: LinearModel; epochs: number; validationLoss: number } {
  const weights = new Float32Array(options.buckets);
  const gradSq = new Float32Array(options.buckets).fill(1e-8);
  let bias = 0;
  let biasGradSq = 1e-8;
  const random = seededRandom(options.seed);
  const order = train.map((_, i) => i);
  let best = { weights: weights.slice(), bias, loss: Infinity, epoch: 0 };
  let sinceBest = 0;
  for (let epoch = 1; epoch <= options.maxEpochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const index of order) {
      const ex = train[index]!;
      const f = ex.features;
      let z = bias;
      for (let k = 0; k < f.indices.length; k++) z += weights[f.indices[k]!]! * f.weights[k]!;
      const g = ex.weight * (sigmoid(z) - ex.y);
      for (let k = 0; k < f.indices.length; k++) {
        const b = f.indices[k]!;
        const grad = g * f.weights[k]! + options.l2 * weights[b]!;
        gradSq[b]! += grad * grad;
        weights[b] = weights[b]! - (options.learningRate * grad) / Math.sqrt(gradSq[b]!);
      }
      biasGradSq += g * g;
      bias -= (options.learningRate * g) / Math.sqrt(biasGradSq);
    }
    const loss = logLoss({ weights, bias }, validation);
    if (loss < best.loss - 1e-6) {
      best = { weights: weights.slice(), bias, loss, epoch };
      sinceBest = 0;
    } else if (++sinceBest >= options.patience) {
      break;
    }
  }
  return { model: { weights: best.weights, bias: Math.fround(best.bias) }, epochs: best.epoch, validationLoss: best.loss };
}

/**
 * Platt scaling: fits p = sigmoid(a·z + b) to validation logits by Newton's method on the log-loss
 * (with Platt's smoothed targets, so a separable validation set cannot push a to infinity).
 */
export function fitPlatt(logits: readonly number[], ys: readonly (0 | 1)[]): { a: number; b: number } {
  const positives = ys.filter((y) => y === 1).length;
  const negatives = ys.length - positives;
  const hi = (positives + 1) / (positives + 2);
  const lo = 1 / (negatives + 2);
  const targets = ys.map((y) => (y ? hi : lo));
  let a = 1;
  let b = 0;
  for (let iter = 0; iter < 100; iter++) {
    let ga = 0;
    let gb = 0;
    let haa = 1e-9;
    let hab = 0;
    let hbb = 1e-9;
    logits.forEach((z, i) => {
      const p = sigmoid(a * z + b);
      const d = p - targets[i]!;
      const w = p * (1 - p);
      ga += d * z;
      gb += d;
      haa += w * z * z;
      hab += w * z;
      hbb += w;
    });
    const det = haa * hbb - hab * hab;
    if (Math.abs(det) < 1e-12) break;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    a -= da;
    b -= db;
    if (Math.abs(da) + Math.abs(db) < 1e-10) break;
  }
  return { a: Math.fround(a), b: Math.fround(b) };
}

/** Symmetric per-tensor int8 quantisation; returns the dequantised weights too, for evaluation. */
export function quantizeInt8(weights: Float32Array): { values: Int8Array; scale: number; dequantized: Float32Array } {
  let max = 0;
  for (const w of weights) max = Math.max(max, Math.abs(w));
  const scale = Math.fround(max / 127 || 1);
  const values = new Int8Array(weights.length);
  const dequantized = new Float32Array(weights.length);
  for (let i = 0; i < weights.length; i++) {
    values[i] = Math.max(-127, Math.min(127, Math.round(weights[i]! / scale)));
    dequantized[i] = Math.fround(Math.fround(values[i]!) * scale);
  }
  return { values, scale, dequantized };
}
