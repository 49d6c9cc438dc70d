// @vitest-environment happy-dom
// Catches a popup that shows a figure without its interval or explanation, a verdict in the wrong
// language, post text rendered as HTML, label buttons that are not buttons, or a comparison that
// claims a difference its interval does not support.
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AudienceFigures, FigureDescriptions } from '@/components/figures/AudienceFigures';
import { CompareAudiences } from '@/components/figures/CompareAudiences';
import { ReviewPanel } from '@/components/figures/ReviewPanel';
import { AgreementTable } from '@/components/figures/AgreementTable';
import { FIGURE_STRINGS, shareText } from '@/components/figures/strings';
import { HelpContent } from '@/components/figures/HelpContent';
import { buildAggregates } from '@/utils/storage/aggregates';
import { computeSummary, type SummaryReply } from '@/utils/summary/summary';
import { syntheticRecords } from '@/utils/summary/synthetic';
import type { ReviewPost } from '@/utils/summary/messages';
import modelMeta from '@/models/properso.json';

const MODEL = `${modelMeta.id}@${modelMeta.version}`;
afterEach(() => fakeBrowser.reset());

function summary(): SummaryReply {
  const records = syntheticRecords(900, { model: MODEL, audiences: 3 }).filter((r) => r.lang !== 'other');
  const humanLabels = records.slice(0, 12).map((r, i) => ({ lang: r.lang, model: r.label, human: i % 4 === 0 ? (r.label === 'professional' ? 'personal' as const : 'professional' as const) : r.label }));
  return { ...computeSummary({ rows: buildAggregates(records, 'UTC').rows, humanLabels, modelMeta, timeZone: 'UTC' }), computedMs: 1 };
}

describe('audience figures', () => {
  it('shows share with interval, author share, corrected share, verdict and trend, explained, in English and French', () => {
    const s = summary();
    for (const language of ['en', 'fr'] as const) {
      const strings = FIGURE_STRINGS[language];
      const root = document.createElement('div');
      render(<><FigureDescriptions strings={strings} /><AudienceFigures summary={s} strings={strings} language={language} /></>, root);
      const cards = [...root.querySelectorAll('.audience-card')];
      expect(cards).toHaveLength(3);
      const first = s.audiences[0]!;
      const card = cards[0]!;
      expect(card.querySelector('h3')?.textContent).toBe(first.audience.label);
      expect(card.querySelector('.verdict')?.textContent).toBe(strings.verdicts[first.verdict]);
      expect(card.querySelector('[data-figure="share"]')?.textContent).toBe(shareText(first.share!.value, first.share!.low, first.share!.high, language, ''));
      expect(card.querySelector('[data-figure="share"]')?.textContent).toMatch(/^\d+\s?%\s\[\d+–\d+\]$/u);
      expect(card.querySelector('[data-figure="author"]')?.textContent).toMatch(/%/);
      expect(card.querySelector('[data-figure="corrected"]')?.textContent).toMatch(/%\s\[\d+–\d+\]/u);
      expect(card.querySelectorAll('.sparkline rect.day').length).toBe(first.trend!.length);
      expect(card.querySelector('svg.share-bar')?.getAttribute('aria-label')).toMatch(/95/);
      // Every figure is explained: a title for the mouse, a description for screen readers.
      for (const dd of card.querySelectorAll('dd')) {
        const id = dd.getAttribute('aria-describedby')!;
        expect(root.querySelector(`#${id}`)?.textContent?.length).toBeGreaterThan(40);
      }
      for (const dt of card.querySelectorAll('dt')) expect(dt.getAttribute('title')?.length).toBeGreaterThan(40);
    }
  });

  it('compares two audiences with the Newcombe interval and words that match it', () => {
    const s = summary();
    const root = document.createElement('div');
    render(<CompareAudiences summary={s} strings={FIGURE_STRINGS.en} language="en" />, root);
    expect(root.querySelectorAll('select')).toHaveLength(2);
    expect(root.querySelector('label[for="compare-a"]')).not.toBeNull();
    const text = root.querySelector('[data-figure="difference"]')?.textContent ?? '';
    const [d, lo, hi] = [...text.matchAll(/[−+-]?\d+/g)].map((m) => Number(m[0].replace('−', '-')));
    expect(lo!).toBeLessThanOrEqual(d!);
    expect(hi!).toBeGreaterThanOrEqual(d!);
    const words = root.querySelector('.words')?.textContent ?? '';
    if (lo! > 0) expect(words).toMatch(/more professional/);
    else if (hi! < 0) expect(words).toMatch(/less professional/);
    else expect(words).toMatch(/No clear difference/);
  });

  it('shows agreement per language and the progress towards the user’s own error rates', () => {
    const root = document.createElement('div');
    render(<AgreementTable summary={summary()} strings={FIGURE_STRINGS.fr} language="fr" />, root);
    const all = root.querySelector('tr[data-language="all"]');
    expect(all?.querySelector('[data-cell="n"]')?.textContent).toBe('12');
    expect(all?.querySelector('[data-cell="accuracy"]')?.textContent).toBe('0,75');
    expect(root.querySelector('[data-rates="fr"]')?.textContent).toMatch(/sur 20/);
  });
});

describe('review panel', () => {
  it('renders post text as text and labels with pressed buttons', async () => {
    const post: ReviewPost = {
      platform: 'linkedin', id: '1', author: 'Claire <b>', text: '<img src=x onerror="alert(1)"> Nous recrutons', seenAt: 1, permalink: null,
      label: 'professional', pProfessional: 0.91, uncertain: false, lang: 'fr', cues: { professional: [{ feature: 'recrutons', weight: 0.9 }], personal: [] }, humanLabel: null,
    };
    const sent: unknown[] = [];
    fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
      sent.push(message);
      const m = message as { type: string };
      return Promise.resolve(m.type === 'getReviewPosts' ? [post] : { ok: true });
    });
    const onLabelled = vi.fn();
    const root = document.createElement('div');
    document.body.append(root);
    render(<ReviewPanel summary={summary()} strings={FIGURE_STRINGS.en} language="en" onLabelled={onLabelled} />, root);
    root.querySelector<HTMLButtonElement>('.field button')!.click();
    await vi.waitFor(() => expect(root.querySelector('.review-post')).not.toBeNull());
    expect(root.querySelector('.review-post img')).toBeNull();
    expect(root.querySelector('.post-text')?.textContent).toContain('<img src=x');
    expect(root.querySelector('.cues')?.textContent).toContain('recrutons');
    const pro = root.querySelector<HTMLButtonElement>('button[data-choice="professional"]')!;
    expect(pro.tagName).toBe('BUTTON');
    expect(pro.getAttribute('aria-pressed')).toBe('false');
    pro.click();
    await vi.waitFor(() => expect(onLabelled).toHaveBeenCalled());
    expect(root.querySelector('button[data-choice="professional"]')?.getAttribute('aria-pressed')).toBe('true');
    expect(sent).toContainEqual({ to: 'background', type: 'setHumanLabel', platform: 'linkedin', id: '1', label: 'professional' });
    root.remove();
  });
});

describe('help page', () => {
  it('explains every figure in both languages', () => {
    for (const language of ['en', 'fr'] as const) {
      const root = document.createElement('div');
      render(<HelpContent language={language} />, root);
      for (const id of ['share', 'author', 'corrected', 'verdict', 'trend', 'compare', 'agreement', 'export', 'caveats']) {
        expect(root.querySelector(`section#${id} p, section#${id} ul`)?.textContent?.length).toBeGreaterThan(30);
      }
    }
  });
});
