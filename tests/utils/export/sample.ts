import type { AgreementRow, ExportMetadata, ExportPost, TallyRow } from '../../../utils/export/dataPackage';

export const SAMPLE_POSTS: ExportPost[] = [
  { platform: 'linkedin', audience: 'linkedin:feed', post_id: 'urn:li:activity:1', author_id: 'jdupont', seen_at: 1710057600000, posted_at: '2024-03-10T07:15:00Z', feed_position: 1, sponsored: false, repost: false, lang: 'fr', p_professional: 0.9123, model_label: 'professional', human_label: 'professional', text: 'Nous recrutons une cheffe de projet' },
  { platform: 'linkedin', audience: 'linkedin:feed', post_id: 'urn:li:activity:2', author_id: 'amartin', seen_at: 1710057660000, posted_at: null, feed_position: 2, sponsored: true, repost: false, lang: 'en', p_professional: 0.0712, model_label: 'personal', human_label: null, text: '=HYPERLINK("http://evil.invalid","click")' },
  { platform: 'x', audience: 'x:home', post_id: '1767', author_id: null, seen_at: null, posted_at: 1710000000, feed_position: null, sponsored: null, repost: true, lang: 'other', p_professional: 0.5, model_label: 'professional', text: 'Line one,\n"quoted" line two' },
];

export const SAMPLE_TALLIES: TallyRow[] = [
  { audience: 'linkedin:feed', window_start: '2024-03-10T00:00:00Z', window_end: '2024-03-11T00:00:00Z', unit: 'post', n: 2, k: 1, share: 0.5, ci_low: 0.0945, ci_high: 0.9055, corrected_share: 0.4, corrected_ci_low: 0, corrected_ci_high: 0.95, method: 'wilson; rogan-gladen-stratified', verdict: 'not_enough' },
  { audience: 'linkedin:feed', window_start: '2024-03-10T00:00:00Z', window_end: '2024-03-11T00:00:00Z', unit: 'author', n: 2, k: null, share: 0.5, ci_low: 0, ci_high: 1, corrected_share: null, corrected_ci_low: null, corrected_ci_high: null, method: 't-interval-over-authors; no correction: mixed languages', verdict: 'not_enough' },
];

export const SAMPLE_AGREEMENT: AgreementRow[] = [
  { language: 'fr', n: 1, accuracy: 1, kappa: null, precision: 1, recall: 1, sensitivity: 1, specificity: null },
  { language: 'all', n: 1, accuracy: 1, kappa: null, precision: 1, recall: 1, sensitivity: 1, specificity: null },
];

export const SAMPLE_METADATA: ExportMetadata = {
  created: '2024-03-11T09:00:00Z',
  generator: 'properso tests',
  model: { id: 'properso-1.0.0-900ec9fadd57', sha256: '900ec9fadd57a816d23c459dc29adc615d042dbd8c333a5b6152714fccdae339', version: '1.0.0' },
  codebookVersion: '1.2',
  sampling: { note: 'test sample', postsSeen: 4, excluded: [{ reason: 'no text', count: 1 }] },
};
