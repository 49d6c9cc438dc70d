/**
 * Classifier speed in Node through onnxruntime-web (the extension's runtime): featurize + infer at
 * batch sizes 1, 32 and 256, model load time and size, peak memory, and the naive-Bayes baseline on
 * the same posts in the same process, as a ratio.
 */
import { statSync } from 'node:fs';
import { featurize } from '../../utils/featurizer/featurize';
import { naiveBayesProbability, trainNaiveBayes } from '../model/baselines';
import { loadCorpus, splitOf, uniqueRows } from '../model/corpus';
import { loadNodeClassifier } from '../model/loadNodeClassifier';

export interface ClassifierBenchResult {
  modelBytes: number;
  loadMs: number;
  postsPerSecond: Record<string, number>;
  naiveBayesPostsPerSecond: number;
  peakRssMiB: number;
}

let peakRss = 0;
const sampleRss = () => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
};

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const value = await fn();
  return [value, performance.now() - t0];
}

export async function benchClassifier(postsPerRun = 2048): Promise<ClassifierBenchResult> {
  const rows = uniqueRows(loadCorpus().rows);
  const texts = Array.from({ length: postsPerRun }, (_, i) => rows[i % rows.length]!.text);
  const [classifier, loadMs] = await timed(() => loadNodeClassifier());
  sampleRss();
  await classifier.classify(texts.slice(0, 64)); // warm-up: wasm tiers up on first use

  const postsPerSecond: Record<string, number> = {};
  for (const batch of [1, 32, 256]) {
    const count = batch === 1 ? Math.min(512, texts.length) : texts.length;
    const [, ms] = await timed(async () => {
      for (let i = 0; i < count; i += batch) {
        await classifier.classify(texts.slice(i, i + batch));
        sampleRss();
      }
    });
    postsPerSecond[`batch ${batch}`] = Math.round((count / ms) * 1000);
  }

  const params = classifier.meta.featurizer;
  const naiveBayes = trainNaiveBayes(
    rows.filter((r) => splitOf(r.text) === 'train').map((r) => ({ features: featurize(r.text, params), label: r.label })),
    params.buckets,
  );
  const [, nbMs] = await timed(async () => {
    for (const text of texts) naiveBayesProbability(naiveBayes, featurize(text, params));
  });
  sampleRss();
  return {
    modelBytes: statSync('models/properso.onnx').size,
    loadMs: Math.round(loadMs),
    postsPerSecond,
    naiveBayesPostsPerSecond: Math.round((texts.length / nbMs) * 1000),
    peakRssMiB: Math.round(peakRss / 1024 / 1024),
  };
}

export function printClassifierBench(r: ClassifierBenchResult): void {
  console.log('\n## Classifier (Node, onnxruntime-web wasm, 1 thread)');
  console.log(`model size            ${(r.modelBytes / 1024).toFixed(0)} KiB`);
  console.log(`model load            ${r.loadMs} ms`);
  for (const [name, pps] of Object.entries(r.postsPerSecond)) {
    console.log(`featurize+infer ${name.padEnd(10)} ${String(pps).padStart(7)} posts/s   (${(pps / r.naiveBayesPostsPerSecond).toFixed(2)}× naive Bayes)`);
  }
  console.log(`naive Bayes baseline  ${String(r.naiveBayesPostsPerSecond).padStart(7)} posts/s   (featurize + score in plain JS, same posts)`);
  console.log(`peak RSS              ${r.peakRssMiB} MiB`);
}
