// Catches renames, merges and author lists stored wrong: a merge cycle accepted, a blank name kept,
// two lists with one key, handles compared with '@' or case, a definitions item without its version.
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  applyAudienceChange,
  emptyAudienceDefinitions,
  formatAuthorLines,
  parseAuthorLines,
  resolveMerge,
  type AudienceDefinitions,
} from '@/utils/storage/audienceDefinitions';
import { audienceDefinitionsSetting } from '@/utils/storage/settings';

afterEach(() => fakeBrowser.reset());

const apply = (defs: AudienceDefinitions, ...changes: Parameters<typeof applyAudienceChange>[1][]) =>
  changes.reduce(applyAudienceChange, defs);

describe('audience definitions', () => {
  it('renames, and a blank or null name goes back to the page’s', () => {
    const renamed = apply(emptyAudienceDefinitions(), { kind: 'rename', key: 'linkedin:feed', label: '  Mon   réseau ' });
    expect(renamed.renames).toEqual({ 'linkedin:feed': 'Mon réseau' });
    expect(apply(renamed, { kind: 'rename', key: 'linkedin:feed', label: ' ' }).renames).toEqual({});
    expect(apply(renamed, { kind: 'rename', key: 'linkedin:feed', label: null }).renames).toEqual({});
  });

  it('merges along chains, refuses cycles and self-merges, and unmerges', () => {
    const defs = apply(
      emptyAudienceDefinitions(),
      { kind: 'merge', from: 'x:feed', into: 'linkedin:feed' },
      { kind: 'merge', from: 'linkedin:feed', into: 'facebook:feed' },
    );
    expect(resolveMerge(defs, 'x:feed')).toBe('facebook:feed');
    expect(() => applyAudienceChange(defs, { kind: 'merge', from: 'facebook:feed', into: 'x:feed' })).toThrow(/cycle/);
    expect(() => applyAudienceChange(defs, { kind: 'merge', from: 'a', into: 'a' })).toThrow(/itself/);
    expect(resolveMerge(apply(defs, { kind: 'merge', from: 'linkedin:feed', into: null }), 'x:feed')).toBe('linkedin:feed');
  });

  it('stores author lists with unique keys and normalised handles, and removes them', () => {
    const authors = [
      { platform: 'mastodon', handle: '@Claire@Toot.Example' },
      { platform: 'mastodon', handle: 'claire@toot.example' },
      { platform: 'linkedin', handle: 'acme-sas' },
    ] as const;
    const defs = apply(
      emptyAudienceDefinitions(),
      { kind: 'saveAuthorAudience', label: 'Clients', authors: [...authors] },
      { kind: 'saveAuthorAudience', label: 'clients', authors: [authors[2]] },
    );
    expect(defs.authorAudiences.map((a) => a.key)).toEqual(['authors:clients', 'authors:clients-2']);
    expect(defs.authorAudiences[0]?.authors).toEqual([
      { platform: 'mastodon', handle: 'claire@toot.example' },
      { platform: 'linkedin', handle: 'acme-sas' },
    ]);
    const edited = apply(defs, { kind: 'saveAuthorAudience', key: 'authors:clients', label: 'Clients 2027', authors: [authors[2]] });
    expect(edited.authorAudiences[0]).toEqual({ key: 'authors:clients', label: 'Clients 2027', authors: [authors[2]] });
    expect(apply(edited, { kind: 'removeAuthorAudience', key: 'authors:clients' }).authorAudiences).toHaveLength(1);
    expect(() => applyAudienceChange(defs, { kind: 'saveAuthorAudience', label: 'Empty', authors: [] })).toThrow();
    expect(() => applyAudienceChange(defs, { kind: 'merge', from: 'authors:clients', into: 'x:feed' })).toThrow(/Author lists/);
  });

  it('never changes the definitions it is given', () => {
    const defs = emptyAudienceDefinitions();
    applyAudienceChange(defs, { kind: 'rename', key: 'k', label: 'L' });
    expect(defs).toEqual(emptyAudienceDefinitions());
  });

  it('parses author lines and says which it could not read', () => {
    expect(parseAuthorLines('mastodon:@claire@toot.example\nLinkedIn acme-sas\n\nmyspace:tom\nx:')).toEqual({
      authors: [
        { platform: 'mastodon', handle: 'claire@toot.example' },
        { platform: 'linkedin', handle: 'acme-sas' },
      ],
      invalid: ['myspace:tom', 'x:'],
    });
    expect(formatAuthorLines([{ platform: 'x', handle: 'acme' }])).toBe('x:acme');
  });

  it('is stored as a versioned item in extension storage (v1)', async () => {
    expect(await audienceDefinitionsSetting.getValue()).toEqual(emptyAudienceDefinitions());
    const defs = apply(emptyAudienceDefinitions(), { kind: 'rename', key: 'x:feed', label: 'X' });
    await audienceDefinitionsSetting.setValue(defs);
    expect(await audienceDefinitionsSetting.getValue()).toEqual(defs);
    expect(await fakeBrowser.storage.local.get('audienceDefinitions')).toEqual({ audienceDefinitions: defs });
    // WXT reads a missing version as 1, so a future v2 migration runs on what v1 stored.
    const meta = (await audienceDefinitionsSetting.getMeta()) as { v?: number };
    expect(meta.v ?? 1).toBe(1);
  });
});
