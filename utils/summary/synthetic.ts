/**
 * Synthetic post records for tests and the popup benchmark (scripts/bench/popup.ts): deterministic
 * (seeded), several audiences with different professional shares, authors who post often or rarely,
 * French, English and other posts, sponsored and text-less ones, over `days` days.
 */
import type { Lang } from '../model/types';
import type { PlatformId } from '../platforms/catalog';
import type { AudienceRef } from '../platforms/types';
import type { PostRecord } from '../storage/posts';
import { seededRandom } from '../random/seededRandom';

export const SYNTHETIC_AUDIENCES: readonly (AudienceRef & { platform: PlatformId; share: number })[] = [
  { key: 'linkedin:feed', kind: 'feed', label: 'LinkedIn · Feed', platform: 'linkedin', share: 0.72 },
  { key: 'linkedin:group:cci', kind: 'group', label: 'LinkedIn · Groupe CCI', platform: 'linkedin', share: 0.81 },
  { key: 'facebook:group:parents', kind: 'group', label: 'Facebook · Parents du quartier', platform: 'facebook', share: 0.12 },
  { key: 'x:hashtag:rscci', kind: 'hashtag', label: 'X · #rsCCI', platform: 'x', share: 0.48 },
  { key: 'mastodon:feed', kind: 'feed', label: 'Mastodon · Feed', platform: 'mastodon', share: 0.3 },
  { key: 'reddit:sub:marketing', kind: 'group', label: 'Reddit · r/marketing', platform: 'reddit', share: 0.6 },
];


export function syntheticRecords(count: number, options: { seed?: number; days?: number; end?: number; model?: string; audiences?: number } = {}): PostRecord[] {
  const random = seededRandom(options.seed ?? 42);
  const days = options.days ?? 60;
  const end = options.end ?? Date.UTC(2026, 10, 1);
  const audiences = SYNTHETIC_AUDIENCES.slice(0, options.audiences ?? SYNTHETIC_AUDIENCES.length);
  const out: PostRecord[] = [];
  for (let i = 0; i < count; i++) {
    const audience = audiences[Math.floor(random() * audiences.length)]!;
    // A few heavy posters and a long tail: author index skewed towards 0.
    const authorIndex = Math.floor(random() ** 3 * 3000);
    const pro = random() < audience.share;
    const p = pro ? 0.5 + random() * 0.5 : random() * 0.5;
    const langDraw = random();
    const lang: Lang = langDraw < 0.55 ? 'fr' : langDraw < 0.95 ? 'en' : 'other';
    const noText = random() < 0.01;
    out.push({
      platform: audience.platform,
      id: `s${i}`,
      author: { name: `Author ${authorIndex}`, handle: `author${authorIndex}` },
      text: noText ? '' : `Synthetic post ${i} ${pro ? 'nous recrutons une cheffe de projet' : 'belle balade en famille ce dimanche'}`,
      sponsored: random() < 0.02,
      truncated: false,
      audience: { key: audience.key, kind: audience.kind, label: audience.label },
      seenAt: end - Math.floor(random() * days * 86_400_000),
      label: pro ? 'professional' : 'personal',
      pProfessional: Math.round(p * 1e4) / 1e4,
      uncertain: noText || (p >= 0.4 && p <= 0.6),
      lang,
      model: options.model ?? 'test@1',
      cues: { professional: [{ feature: 'recrutons', weight: 0.8 }], personal: [{ feature: 'famille', weight: -0.7 }] },
    });
  }
  return out.sort((a, b) => a.seenAt - b.seenAt);
}
