/** Labels of the codebook (docs/CODEBOOK.md), in the order of the model's output columns. */
export const LABELS = ['personal', 'professional'] as const;
export type Label = (typeof LABELS)[number];

export type Lang = 'fr' | 'en' | 'other';

/** One n-gram's push on a post's score: positive towards professional, negative towards personal. */
export interface Cue {
  feature: string;
  weight: number;
}

export interface Prediction {
  label: Label;
  /** Calibrated probability that the post is professional. */
  pProfessional: number;
  /** In the model's uncertain band, or too few words to judge: shown as uncertain, never hidden. */
  uncertain: boolean;
  lang: Lang;
  /** The n-grams that pushed most towards each label (strongest first). */
  cues: { professional: Cue[]; personal: Cue[] };
}

/** models/properso.json: everything needed besides the ONNX bytes to run and describe the model. */
export interface ModelMeta {
  id: string;
  version: string;
  sha256: string;
  codebookVersion: string;
  createdFrom: { corpusRows: number; corpusSha256: string };
  featurizer: FeaturizerParams;
  labels: readonly Label[];
  onnx: { opset: number; inputs: string[]; outputs: string[]; quantization: 'none' | 'int8' };
  temperature: number;
  threshold: number;
  uncertainBand: [number, number];
  minWordsToJudge: number;
  metrics: Record<string, unknown>;
  /** Per language, for Rogan–Gladen correction of shares (from the real development set when present). */
  errorRates: Record<'fr' | 'en', { sensitivity: number; specificity: number; source: string; n: number }>;
}

export interface FeaturizerParams {
  version: number;
  buckets: number;
  wordNgrams: number;
  charNgramMin: number;
  charNgramMax: number;
  maxFeatures: number;
  seed: number;
}
