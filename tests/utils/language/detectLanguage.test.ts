// Catches language mix-ups that would apply the wrong per-language error correction.
import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../../utils/language/detectLanguage';

describe('detectLanguage', () => {
  it.each([
    ['Nous recrutons un commercial pour notre agence de Lyon', 'fr'],
    ['ma box ne marche plus depuis ce matin, vous faites quoi ??', 'fr'],
    ['Été génial', 'fr'],
    ['We are hiring a sales manager for our Dublin office', 'en'],
    ['so proud of my daughter who graduated today', 'en'],
    ['🙂', 'other'],
  ])('%s → %s', (text, lang) => {
    expect(detectLanguage(text)).toBe(lang);
  });
});
