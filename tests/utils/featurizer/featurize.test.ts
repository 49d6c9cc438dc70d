// Catches featurizer drift: the trainer, the extension and the CLI share these exact features.
import { describe, expect, it } from 'vitest';
import { DEFAULT_FEATURIZER_PARAMS, featurize, featurizeNamed, packBatch } from '../../../utils/featurizer/featurize';
import { normalizeText, splitHashtag, tokenize } from '../../../utils/featurizer/normalize';

describe('normalizeText', () => {
  it('replaces links, mentions, e-mails and numbers by placeholders and strips accents', () => {
    expect(tokenize(normalizeText('Déjà 2 000 € ! Écrivez à contact@acme.fr ou @jdupont https://t.co/Ab12 ✨'))).toEqual([
      'deja', 'xxnum', '!', 'ecrivez', 'a', 'xxemail', 'ou', 'xxmention', 'xxurl', '✨',
    ]);
  });

  it('splits hashtags into words after a tag marker', () => {
    expect(splitHashtag('RecrutementTech')).toEqual(['Recrutement', 'Tech']);
    expect(splitHashtag('OpenToWork')).toEqual(['Open', 'To', 'Work']);
    expect(tokenize(normalizeText('#CCIMontpellier #bonjour'))).toEqual(['xxtag', 'cci', 'montpellier', 'xxtag', 'bonjour']);
  });

  it('reads literal \\n and HTML entities as the characters they stand for', () => {
    expect(tokenize(normalizeText('prix &amp; promo\\nvenez'))).toEqual(['prix', 'promo', 'venez']);
  });

  it('treats the bare "http" of anonymised datasets as a link', () => {
    expect(tokenize(normalizeText('la planète brûle http'))).toEqual(['la', 'planete', 'brule', 'xxurl']);
  });
});

describe('featurize', () => {
  it('is deterministic and sorted by bucket', () => {
    const a = featurize('Je recrute un développeur #Tech');
    const b = featurize('Je recrute un développeur #Tech');
    expect(Array.from(a.indices)).toEqual(Array.from(b.indices));
    expect(Array.from(a.weights)).toEqual(Array.from(b.weights));
    expect([...a.indices].every((v, i, arr) => i === 0 || arr[i - 1]! < v)).toBe(true);
  });

  it('gives unit-length weight vectors inside the bucket range', () => {
    const f = featurize('Bonne année à toutes et à tous 🎉🎉');
    const norm = Math.sqrt([...f.weights].reduce((s, w) => s + w * w, 0));
    expect(norm).toBeCloseTo(1, 5);
    expect([...f.indices].every((i) => i >= 0 && i < DEFAULT_FEATURIZER_PARAMS.buckets)).toBe(true);
  });

  it('is robust to missing accents and casing', () => {
    expect(Array.from(featurize('RÉUNION déjà prévue').indices)).toEqual(Array.from(featurize('reunion deja prevue').indices));
  });

  it('bounds the cost of a 1 MB post', () => {
    const f = featurize('professionnel '.repeat(80_000) + 'x'.repeat(200_000));
    expect(f.indices.length).toBeLessThanOrEqual(DEFAULT_FEATURIZER_PARAMS.maxFeatures);
  });

  it('keeps an empty post featurizable (length feature only)', () => {
    const f = featurize('');
    expect(f.wordCount).toBe(0);
    expect(f.indices.length).toBe(1);
  });

  it('names each feature by the word it came from', () => {
    const f = featurizeNamed('recrute développeur');
    expect(new Set(f.names)).toEqual(new Set(['recrute', 'developpeur', 'recrute developpeur', '(length)']));
  });

  it('pads batches with zero weights', () => {
    const packed = packBatch([featurize('un'), featurize('deux mots ici')]);
    expect(packed.indices.length).toBe(2 * packed.width);
    const firstRowWeights = Array.from(packed.weights.slice(0, packed.width));
    expect(firstRowWeights.filter((w) => w === 0).length).toBe(packed.width - featurize('un').indices.length);
  });
});
