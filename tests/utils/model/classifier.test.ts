// Proves that the extension's runtime (onnxruntime-web on the committed ONNX) gives the same
// probabilities as the trainer's own arithmetic on the same features, and that cues explain them.
import { readFileSync } from 'node:fs';
import onnxProto from 'onnx-proto';
import { beforeAll, describe, expect, it } from 'vitest';
import { featurize } from '../../../utils/featurizer/featurize';
import type { Classifier } from '../../../utils/model/classifier';
import type { ModelMeta } from '../../../utils/model/types';
import { loadNodeClassifier } from '../../../scripts/model/loadNodeClassifier';
import { score, sigmoid } from '../../../scripts/model/logisticRegression';

const meta = JSON.parse(readFileSync('models/properso.json', 'utf8')) as ModelMeta;
const bytes = readFileSync('models/properso.onnx');

/** Reads the weights back out of the ONNX file, as the trainer had them. */
function trainerView() {
  const graph = onnxProto.onnx.ModelProto.decode(bytes).graph!;
  const tensor = (name: string) => graph.initializer!.find((t) => t.name === name);
  const f32 = (name: string) => {
    const raw = tensor(name)!.rawData!;
    return new Float32Array(raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength));
  };
  let weights: Float32Array;
  if (tensor('W_int8')) {
    const raw = tensor('W_int8')!.rawData!;
    const q = new Int8Array(raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength));
    const scale = f32('W_scale')[0]!;
    weights = Float32Array.from(q, (v) => Math.fround(v * scale));
  } else {
    weights = f32('W');
  }
  return { model: { weights, bias: f32('bias')[0]! }, a: f32('platt_a')[0]!, b: f32('platt_b')[0]! };
}

const SAMPLES = [
  'Nous recrutons un(e) chef de projet digital en CDI à Montpellier 👉 postulez ici https://example.com/job',
  "Trop fière de ma fille qui a eu son bac aujourd'hui 🥰🎓",
  'Exhausted after a 12-hour day closing the quarter. Worth it.',
  'Monday again... need coffee ☕',
  'Merci pour le partage !',
  '👍',
  '',
];

describe('classifier', () => {
  let classifier: Classifier;
  beforeAll(async () => {
    classifier = await loadNodeClassifier();
  });

  it('matches the trainer arithmetic to 1e-5 on the same features', async () => {
    const { model, a, b } = trainerView();
    const predictions = await classifier.classify(SAMPLES);
    SAMPLES.forEach((text, i) => {
      const expected = sigmoid(a * score(model, featurize(text, meta.featurizer)) + b);
      expect(predictions[i]!.pProfessional).toBeCloseTo(expected, 5);
    });
  });

  it('labels the codebook examples as the codebook says', async () => {
    const [hiring, daughter, quarter, monday] = await classifier.classify(SAMPLES.slice(0, 4));
    expect(hiring!.label).toBe('professional');
    expect(daughter!.label).toBe('personal');
    expect(quarter!.label).toBe('professional');
    expect(monday!.label).toBe('personal');
  });

  it('marks posts too short to judge as uncertain', async () => {
    const [emoji, empty] = await classifier.classify(['👍', '']);
    expect(emoji!.uncertain).toBe(true);
    expect(empty!.uncertain).toBe(true);
  });

  it('explains a prediction with the words that pushed it', async () => {
    const [hiring] = await classifier.classify(['Nous recrutons un développeur en CDI']);
    const words = hiring!.cues.professional.map((c) => c.feature);
    expect(words.some((w) => ['recrutons', 'cdi', 'developpeur'].includes(w))).toBe(true);
    expect(hiring!.cues.professional.every((c) => c.weight > 0)).toBe(true);
    expect(hiring!.cues.personal.every((c) => c.weight < 0)).toBe(true);
  });

  it('refuses a model file that does not match its metadata', async () => {
    const { createClassifier } = await import('../../../utils/model/classifier');
    const ort = await import('onnxruntime-web/wasm');
    const corrupt = new Uint8Array(bytes);
    corrupt[corrupt.length - 1] = corrupt[corrupt.length - 1]! ^ 0xff;
    await expect(createClassifier(ort, corrupt, meta)).rejects.toThrow(/does not match/);
  });
});
