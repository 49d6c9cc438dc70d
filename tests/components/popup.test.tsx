// @vitest-environment happy-dom
// Catches a popup table that drops an audience or a count, and a language pick that ignores the browser.
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { AudienceTable } from '@/components/AudienceTable';
import { STRINGS, browserLanguage, formatCount } from '@/components/i18n';

const counts = {
  audiences: [
    { audience: { key: 'linkedin:feed', kind: 'feed', label: 'LinkedIn · Feed' }, posts: 1200, professional: 700, personal: 400, uncertain: 100 },
    { audience: { key: 'x:hashtag:rscci', kind: 'hashtag', label: 'X · #rsCCI' }, posts: 3, professional: 1, personal: 1, uncertain: 1 },
  ],
  totals: { posts: 1203, professional: 701, personal: 401, uncertain: 101 },
} as const;

describe('AudienceTable', () => {
  it('shows one row per audience with its four counts, and the totals', () => {
    const root = document.createElement('div');
    render(<AudienceTable counts={structuredClone(counts) as never} strings={STRINGS.en} language="en" />, root);
    const rows = [...root.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent));
    expect(rows).toEqual([
      ['LinkedIn · Feed', '1,200', '700', '400', '100'],
      ['X · #rsCCI', '3', '1', '1', '1'],
    ]);
    expect(root.querySelector('tfoot')?.textContent).toContain('1,203');
  });
});

describe('i18n', () => {
  it('follows the first browser language it speaks', () => {
    expect(browserLanguage(['de-DE', 'fr-CA', 'en'])).toBe('fr');
    expect(browserLanguage(['en-GB'])).toBe('en');
    expect(browserLanguage(['es'])).toBe('en');
  });

  it('has the same keys in both languages and formats numbers per language', () => {
    expect(Object.keys(STRINGS.fr).sort()).toEqual(Object.keys(STRINGS.en).sort());
    expect(formatCount(1200, 'fr')).toMatch(/^1\s?200$/u);
  });
});
