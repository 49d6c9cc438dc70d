// Catches counts that rewrite or lose posts: a merged audience counted twice or under the wrong
// name, a rename not applied, an author list missing posts (or counting them in the totals twice),
// an ad counted by default.
import { describe, expect, it } from 'vitest';
import { applyAudienceChange, emptyAudienceDefinitions } from '@/utils/storage/audienceDefinitions';
import { tallyAudiences } from '@/utils/storage/audienceTally';
import { sumCounts, type PostRecord } from '@/utils/storage/posts';

const feed = { key: 'linkedin:feed', kind: 'feed', label: 'LinkedIn · Feed' } as const;
const group = { key: 'linkedin:group:42', kind: 'group', label: 'LinkedIn · Groupe 42' } as const;
const toots = { key: 'mastodon:feed', kind: 'feed', label: 'Mastodon · Feed' } as const;

let seq = 0;
function record(audience: PostRecord['audience'], overrides: Partial<PostRecord> = {}): PostRecord {
  seq++;
  return {
    platform: 'linkedin',
    id: String(seq),
    author: { name: 'A', handle: 'someone' },
    text: `post ${seq}`,
    sponsored: false,
    truncated: false,
    audience,
    seenAt: seq,
    label: 'professional',
    pProfessional: 0.9,
    uncertain: false,
    lang: 'en',
    model: 'test@1',
    ...overrides,
  };
}

const records = [
  record(feed),
  record(feed, { label: 'personal', author: { handle: 'Acme-SAS' } }),
  record(feed, { sponsored: true }),
  record(group, { uncertain: true }),
  record(toots, { platform: 'mastodon', author: { handle: 'claire@toot.example' }, label: 'personal' }),
];

const counts = (rows: ReturnType<typeof tallyAudiences>) =>
  rows.map((r) => `${r.audience.key}|${r.audience.label}|${r.posts}/${r.professional}/${r.personal}/${r.uncertain}`);

describe('tallyAudiences', () => {
  it('counts per view, leaving sponsored posts out unless asked', () => {
    expect(counts(tallyAudiences(records))).toEqual([
      'linkedin:feed|LinkedIn · Feed|2/1/1/0',
      'linkedin:group:42|LinkedIn · Groupe 42|1/0/0/1',
      'mastodon:feed|Mastodon · Feed|1/0/1/0',
    ]);
    expect(counts(tallyAudiences(records, undefined, { includeSponsored: true }))[0]).toBe('linkedin:feed|LinkedIn · Feed|3/2/1/0');
  });

  it('applies renames and merges at read time, keeping the target’s own name', () => {
    let defs = applyAudienceChange(emptyAudienceDefinitions(), { kind: 'merge', from: 'linkedin:group:42', into: 'linkedin:feed' });
    expect(counts(tallyAudiences(records, defs))).toEqual([
      'linkedin:feed|LinkedIn · Feed|3/1/1/1',
      'mastodon:feed|Mastodon · Feed|1/0/1/0',
    ]);
    defs = applyAudienceChange(defs, { kind: 'rename', key: 'linkedin:feed', label: 'Réseau pro' });
    expect(counts(tallyAudiences(records, defs))[0]).toBe('linkedin:feed|Réseau pro|3/1/1/1');
    // A merge whose target was seen only through merged audiences takes the first one's name.
    const intoNew = applyAudienceChange(emptyAudienceDefinitions(), { kind: 'merge', from: 'linkedin:group:42', into: 'custom:work' });
    expect(counts(tallyAudiences(records, intoNew))[1]).toBe('custom:work|LinkedIn · Groupe 42|1/0/0/1');
    expect(records[3]?.audience.key).toBe('linkedin:group:42'); // stored posts untouched
  });

  it('counts author lists across views and platforms, and the totals once per post', () => {
    const defs = applyAudienceChange(emptyAudienceDefinitions(), {
      kind: 'saveAuthorAudience',
      label: 'Clients',
      authors: [
        { platform: 'linkedin', handle: 'acme-sas' },
        { platform: 'mastodon', handle: '@Claire@toot.example' },
        { platform: 'x', handle: 'claire@toot.example' },
      ],
    });
    const withEmpty = applyAudienceChange(defs, { kind: 'saveAuthorAudience', label: 'Nobody yet', authors: [{ platform: 'x', handle: 'nobody' }] });
    const rows = tallyAudiences(records, withEmpty);
    expect(counts(rows).slice(-2)).toEqual(['authors:clients|Clients|2/0/2/0', 'authors:nobody-yet|Nobody yet|0/0/0/0']);
    expect(rows.at(-1)?.audience.kind).toBe('list');
    expect(sumCounts(rows)).toEqual({ posts: 4, professional: 1, personal: 2, uncertain: 1 });
  });
});
