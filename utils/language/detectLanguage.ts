import type { Lang } from '../model/types';
import { normalizeText, tokenize } from '../featurizer/normalize';

/**
 * French or English, from function words (accent-stripped, as the featurizer sees them). Good enough
 * to pick the per-language error rates and to report results per language; 'other' when neither
 * language has at least two hits or the two are tied.
 */
const FRENCH = new Set(
  'le la les un une des du de d l et est sont pas ne je tu il elle nous vous ils elles on ce cette ces qui que qu pour avec dans sur au aux mais ou donc car tres plus mon ma mes ton ta tes son sa ses notre nos votre vos leur leurs c j n s m t y en a ete etre avoir fait merci bonjour aujourd hui chez comme tout toute tous rien deja encore aussi quand alors'.split(' '),
);
const ENGLISH = new Set(
  'the a an and is are was were be been not no i you he she we they it this that these those who what which for with in on at to of but or so very more my your his her our their me him us them do does did have has had will would can could just about from by as if when all there here today thanks thank hello hi im its dont cant'.split(' '),
);

export function detectLanguage(text: string): Lang {
  let fr = 0;
  let en = 0;
  for (const token of tokenize(normalizeText(text))) {
    // "a", "on", "in"… exist in both; ambiguous words count for both and cancel out.
    if (FRENCH.has(token)) fr++;
    if (ENGLISH.has(token)) en++;
  }
  if (Math.max(fr, en) < 2 || fr === en) {
    // Short posts: accents are a strong French signal the normaliser removed.
    if (/[éèêàçùôîœ]/i.test(text) && fr >= en) return 'fr';
    return fr > en ? 'fr' : en > fr ? 'en' : 'other';
  }
  return fr > en ? 'fr' : 'en';
}
