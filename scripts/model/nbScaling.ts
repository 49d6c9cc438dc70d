import type { Features } from '../../utils/featurizer/featurize';
import { trainNaiveBayes } from './baselines';
import type { LinearModel, TrainingExample } from './logisticRegression';

/**
 * NB-weighted logistic regression (Wang & Manning 2012, "NBSVM"): each feature is scaled by its naive
 * Bayes log-count ratio r = log(p(f | professional) / p(f | personal)) before the logistic regression
 * is trained. Words that naive Bayes finds one-sided start with a head start, which generalised better
 * from our written posts to real ones than either model alone (docs/MODEL_CARD.md). Because the model
 * is linear, the scaling folds into the weights (w ⊙ r): the exported graph and the featurizer do not
 * change.
 */
export function logCountRatio(examples: readonly TrainingExample[], buckets: number, alpha: number): Float32Array {
  const nb = trainNaiveBayes(
    examples.map(({ features, y }) => ({ features, label: y ? 'professional' : 'personal' })),
    buckets,
    alpha,
  );
  const [personal, professional] = nb.logLikelihood;
  return Float32Array.from(professional, (logP, bucket) => logP - personal[bucket]!);
}

export function scaleFeatures(features: Features, ratio: Float32Array): Features {
  return { ...features, weights: Float32Array.from(features.weights, (w, i) => w * ratio[features.indices[i]!]!) };
}

export function foldScaling(model: LinearModel, ratio: Float32Array): LinearModel {
  return { weights: Float32Array.from(model.weights, (w, i) => w * ratio[i]!), bias: model.bias };
}
