/**
 * npm run eval — the shipped model against two baselines (keyword lexicon, multinomial naive Bayes on
 * the same features), per language, on (a) the corpus test split and (b) the real development set
 * (labels in models/devset/, texts in ../shared/data; skipped with a message when absent).
 * Writes docs/EVALUATION.md.
 */
import { writeFileSync } from 'node:fs';
import { featurize } from '../utils/featurizer/featurize';
import { classificationReport, type ClassificationReport } from '../utils/evaluation/metrics';
import type { Label } from '../utils/model/types';
import { lexiconProbability, naiveBayesProbability, trainNaiveBayes } from './model/baselines';
import { loadCorpus, splitOf, uniqueRows } from './model/corpus';
import { loadDevSet } from './model/devset';
import { loadNodeClassifier } from './model/loadNodeClassifier';

interface Item {
  text: string;
  label: Label;
  lang: 'fr' | 'en';
}

const TARGET_MACRO_F1 = 0.85;
const classifier = await loadNodeClassifier();
const params = classifier.meta.featurizer;
const rows = uniqueRows(loadCorpus().rows);
const trainRows = rows.filter((r) => splitOf(r.text) === 'train');
const testItems: Item[] = rows.filter((r) => splitOf(r.text) === 'test');
const naiveBayes = trainNaiveBayes(trainRows.map((r) => ({ features: featurize(r.text, params), label: r.label })), params.buckets);

type System = 'Properso model' | 'naive Bayes' | 'keyword lexicon';
async function probabilities(items: Item[]): Promise<Record<System, number[]>> {
  const model: number[] = [];
  for (let i = 0; i < items.length; i += 256) {
    const predictions = await classifier.classify(items.slice(i, i + 256).map((it) => it.text));
    model.push(...predictions.map((p) => p.pProfessional));
  }
  return {
    'Properso model': model,
    'naive Bayes': items.map((it) => naiveBayesProbability(naiveBayes, featurize(it.text, params))),
    'keyword lexicon': items.map((it) => lexiconProbability(it.text)),
  };
}

function reports(items: Item[], p: Record<System, number[]>) {
  const out: Record<string, Record<System, ClassificationReport>> = {};
  for (const lang of ['fr', 'en'] as const) {
    const idx = items.map((it, i) => (it.lang === lang ? i : -1)).filter((i) => i >= 0);
    out[lang] = Object.fromEntries(
      (Object.keys(p) as System[]).map((s) => [s, classificationReport(idx.map((i) => items[i]!.label), idx.map((i) => p[s][i]!))]),
    ) as Record<System, ClassificationReport>;
  }
  return out;
}

const pct = (x: number) => `${(100 * x).toFixed(1)}`;
function table(title: string, byLang: Record<string, Record<System, ClassificationReport>>): string {
  const lines = [`### ${title}`, '', '| language | system | n | macro-F1 | accuracy | professional P / R | personal P / R | ECE |', '|---|---|---|---|---|---|---|---|'];
  for (const [lang, systems] of Object.entries(byLang)) {
    for (const [system, r] of Object.entries(systems)) {
      lines.push(`| ${lang} | ${system} | ${r.n} | ${r.macroF1.toFixed(3)} | ${pct(r.accuracy)} % | ${pct(r.professional.precision)} / ${pct(r.professional.recall)} | ${pct(r.personal.precision)} / ${pct(r.personal.recall)} | ${r.ece.toFixed(3)} |`);
    }
  }
  return lines.join('\n');
}

const sections: string[] = [];
const corpusReports = reports(testItems, await probabilities(testItems));
sections.push(table(`(a) Corpus test split (${testItems.length} posts written for the project)`, corpusReports));
console.log(sections[0]);

const dev = loadDevSet();
let verdict = '';
if ('missing' in dev) {
  const message = `(b) Real development set skipped: ${dev.missing}.`;
  console.log(`\n${message}`);
  sections.push(`### ${message}`);
} else {
  const devReports = reports(dev.posts, await probabilities(dev.posts));
  sections.push(table(`(b) Real development set (${dev.posts.length} real posts, hand-labelled, models/devset/)`, devReports));
  console.log(`\n${sections[1]}`);
  const checks = (['fr', 'en'] as const).map((lang) => {
    const r = devReports[lang]!;
    const model = r['Properso model'].macroF1;
    const beats = model > r['naive Bayes'].macroF1 && model > r['keyword lexicon'].macroF1;
    return `${lang}: macro-F1 ${model.toFixed(3)} ${model >= TARGET_MACRO_F1 ? '≥' : '<'} ${TARGET_MACRO_F1} target, ${beats ? 'beats' : 'does NOT beat'} both baselines`;
  });
  verdict = checks.join('; ');
  console.log(`\n${verdict}`);
}

writeFileSync(
  'docs/EVALUATION.md',
  `# Evaluation — ${classifier.meta.id}

_Written by \`npm run eval\` (needs \`../shared/data\` for the real set; set \`PROPERSO_SHARED_DATA\` to point elsewhere)._

Systems: the shipped ONNX model through onnxruntime-web (the runtime the extension uses), a multinomial
naive Bayes on the same hashed features trained on the same split, and a hand-written keyword lexicon.
Positive class: professional; threshold 0.5; ECE over 10 bins.

${sections.join('\n\n')}

${verdict ? `**Target (macro-F1 ≥ ${TARGET_MACRO_F1} per language on real posts):** ${verdict}.` : ''}
`,
);
