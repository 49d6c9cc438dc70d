import type { Features } from '../../utils/featurizer/featurize';
import { normalizeText, tokenize } from '../../utils/featurizer/normalize';
import type { Label } from '../../utils/model/types';

/**
 * Baseline 1: a keyword lexicon, what a careful analyst would write by hand in an afternoon.
 * Words are accent-stripped and lower-case, as the normaliser leaves them.
 */
const PROFESSIONAL_WORDS = new Set(
  `recrute recrutement recrutons poste cdi cdd stage alternance candidature entreprise entreprises client clients
  equipe projet produit service services offre offres marche croissance chiffre affaires strategie management
  conference salon webinaire atelier evenement inscription inscrivez formation certification carriere emploi
  business startup innovation industrie investissement financement economie secteur partenaires partenariat
  lancement nouveau nouvelle annonce rapport resultats collaborateurs cci pme tpe commerce boutique menu
  hiring hire job jobs role career company team clients customer customers product products service market
  growth revenue strategy leadership management conference webinar event summit workshop training certified
  startup innovation industry investment funding economy sector partners partnership launch announce report
  results colleagues b2b saas sales marketing linkedin opportunity apply dm account support`.split(/\s+/),
);
const PERSONAL_WORDS = new Set(
  `famille enfants fils fille mari femme maman papa bebe anniversaire mariage vacances weekend soleil pluie
  fatigue malade dodo film serie musique match foot supporter chat chien jardin cuisine recette resto apero
  amis copains lol mdr ptdr trop grave jpp bisous coeur amour vie dimanche samedi
  family kids son daughter husband wife mum mom dad baby birthday wedding holiday vacation weekend sunny rain
  tired sick sleep movie show music game fan cat dog garden cooking recipe friends lol lmao omg love life
  sunday saturday party beer`.split(/\s+/),
);

export function lexiconProbability(text: string): number {
  let score = 0;
  for (const token of tokenize(normalizeText(text))) {
    if (PROFESSIONAL_WORDS.has(token)) score++;
    if (PERSONAL_WORDS.has(token)) score--;
  }
  // No evidence either way reads as personal: most posts people see are (codebook: unsure → personal).
  return score > 0 ? 0.5 + Math.min(0.45, 0.15 * score) : 0.5 - Math.min(0.45, 0.15 * (1 - score));
}

/**
 * Baseline 2: multinomial naive Bayes on the same hashed features as the model (feature weights
 * taken as fractional counts), Laplace smoothing.
 */
export interface NaiveBayes {
  logPrior: [number, number];
  logLikelihood: [Float64Array, Float64Array];
}

export function trainNaiveBayes(examples: readonly { features: Features; label: Label }[], buckets: number, alpha = 0.1): NaiveBayes {
  const counts = [new Float64Array(buckets), new Float64Array(buckets)] as const;
  const totals = [0, 0];
  const docs = [0, 0];
  for (const { features, label } of examples) {
    const c = label === 'professional' ? 1 : 0;
    docs[c]!++;
    for (let i = 0; i < features.indices.length; i++) {
      counts[c][features.indices[i]!]! += features.weights[i]!;
      totals[c]! += features.weights[i]!;
    }
  }
  const logLikelihood = counts.map((row, c) => {
    const denominator = Math.log(totals[c]! + alpha * buckets);
    return row.map((v) => Math.log(v + alpha) - denominator);
  }) as [Float64Array, Float64Array];
  const n = docs[0]! + docs[1]!;
  return { logPrior: [Math.log(docs[0]! / n), Math.log(docs[1]! / n)], logLikelihood };
}

export function naiveBayesProbability(model: NaiveBayes, features: Features): number {
  let personal = model.logPrior[0];
  let professional = model.logPrior[1];
  for (let i = 0; i < features.indices.length; i++) {
    personal += features.weights[i]! * model.logLikelihood[0][features.indices[i]!]!;
    professional += features.weights[i]! * model.logLikelihood[1][features.indices[i]!]!;
  }
  return 1 / (1 + Math.exp(personal - professional));
}
