// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { extractPost, htmlToText, isoTime } from '../../../scripts/classify/zeeschuimer';
import { jsonLines, run } from './helpers';

describe('per-platform fields (shared/FORMATS.md)', () => {
  it('X: full_text (entities decoded), long-post note text, screen_name fallback, rest_id, created_at', () => {
    expect(
      extractPost('twitter.com', {
        rest_id: '11',
        core: { user_results: { result: { legacy: { screen_name: 'old_name' } } } },
        legacy: { full_text: 'R&amp;D &lt;3', created_at: 'Tue Oct 10 07:57:53 +0000 2023', id_str: '11' },
      }),
    ).toEqual({ platform: 'x', text: 'R&D <3', author: 'old_name', postId: '11', postedAt: '2023-10-10T07:57:53.000Z' });
    expect(
      extractPost('twitter.com', { rest_id: '12', legacy: { full_text: 'short…' }, note_tweet: { note_tweet_results: { result: { text: 'the long text' } } } })?.text,
    ).toBe('the long text');
  });

  it('Instagram: null caption is no text, never invented; old items use the edge caption', () => {
    expect(extractPost('instagram.com', { code: 'C1', caption: null, user: { username: 'u' }, taken_at: 0 })).toMatchObject({ text: null, postId: 'C1', author: 'u' });
    expect(
      extractPost('instagram.com', { shortcode: 'B1', owner: { username: 'o' }, taken_at_timestamp: 1540000000, edge_media_to_caption: { edges: [{ node: { text: 'hi' } }] } }),
    ).toEqual({ platform: 'instagram', text: 'hi', author: 'o', postId: 'B1', postedAt: '2018-10-20T01:46:40.000Z' });
  });

  it('TikTok (author object or string), Threads, LinkedIn, Truth Social, 9gag, Pinterest', () => {
    expect(extractPost('tiktok.com', { id: '7', desc: 'd', author: 'someone', createTime: '1699000000' })).toMatchObject({ author: 'someone', postedAt: '2023-11-03T08:26:40.000Z' });
    expect(extractPost('tiktok.com', { id: '7', desc: '', author: { uniqueId: 'a' } })).toMatchObject({ text: null, author: 'a' });
    expect(extractPost('threads.net', { code: 'T1', caption: { text: 'fil' }, user: { username: 't' }, taken_at: 1 })).toMatchObject({ platform: 'threads', text: 'fil', postId: 'T1' });
    expect(
      extractPost('linkedin.com', { updateMetadata: { urn: 'urn:li:activity:7123456789' }, commentary: { text: { text: 'Ravi d’annoncer' } }, actor: { name: { text: 'Jeanne Exemple' } } }),
    ).toEqual({ platform: 'linkedin', text: 'Ravi d’annoncer', author: 'Jeanne Exemple', postId: '7123456789', postedAt: null });
    expect(
      extractPost('truthsocial.com', { id: '1', content: '<p>Hello <a href="x">@you</a> &amp; co</p><p>line<br/>two</p>', account: { username: 'ts' }, created_at: '2024-01-02T03:04:05.000Z' }),
    ).toMatchObject({ text: 'Hello @you & co\nline\ntwo', author: 'ts' });
    expect(extractPost('9gag.com', { id: 'g', title: 'Title', description: '', creator: { username: 'c' }, creationTs: 1 })).toMatchObject({ text: 'Title' });
    expect(extractPost('pinterest.com', { entityId: 'e', id: 'i', description: 'desc', title: 'ti', pinner: { username: 'p' } })).toMatchObject({ text: 'desc\nti', postId: 'e' });
    expect(extractPost('gab.com', {})).toBeNull();
  });

  it('helpers: html to text, times', () => {
    expect(htmlToText('<p>a&nbsp;b &#233;&#x27;</p>')).toBe('a b é\'');
    expect(isoTime(1697000000)).toBe('2023-10-11T04:53:20.000Z');
    expect(isoTime('not a date')).toBe('not a date');
    expect(isoTime(null)).toBeNull();
  });
});

describe('Zeeschuimer and 4CAT files through the CLI', () => {
  it('X export: post id, author, ISO time, envelope scalars carried (its id as input_id), no data blob', async () => {
    const { code, stdout, stderr } = await run(['zeeschuimer-x.ndjson']);
    expect(code).toBe(0);
    const rows = jsonLines(stdout);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatchObject({
      id: '1000000000000000001',
      label: 'professional',
      platform: 'x',
      author: 'atelier_exemple',
      posted_at: '2023-10-10T07:57:53.000Z',
      skipped_reason: null,
      nav_index: '1:1:0',
      source_platform: 'twitter.com',
      timestamp_collected: 1700000000000,
      input_id: '1000000000000000001',
    });
    expect(rows[0]!.text).toContain('Nantes & en télétravail');
    expect(rows[0]).not.toHaveProperty('data');
    expect(rows[1]!.text).toMatch(/journée parfaite/); // note_tweet text, not the truncated full_text
    expect(rows[2]).toMatchObject({ id: '1000000000000000003', author: 'labo_imaginaire' }); // TweetWithVisibilityResults
    expect(stderr).toContain('(zeeschuimer): 3 read, 3 classified, 0 not classified');
  });

  it('Instagram export: the caption-less post is written with label null and counted on stderr', async () => {
    const { code, stdout, stderr } = await run(['zeeschuimer-instagram.ndjson']);
    expect(code).toBe(0);
    const rows = jsonLines(stdout);
    expect(rows.map((r) => r.id)).toEqual(['CzFAKE00001', 'CzFAKE00002', 'BqOLDFAKE03']);
    expect(rows[1]).toMatchObject({ label: null, p_professional: null, skipped_reason: 'no text', text: null, author: 'voyageur_invente' });
    expect(rows[2]).toMatchObject({ author: 'ancien_compte', posted_at: '2018-10-20T01:46:40.000Z' });
    expect(stderr).toContain('3 read, 2 classified, 1 not classified (1 without text)');
    expect(stderr).toMatch(/1 item without text .* skipped_reason "no text": line 2/);
  });

  it('4CAT original NDJSON: envelope from __import_meta, empty TikTok description is no text', async () => {
    const { code, stdout, stderr } = await run(['4cat-tiktok.ndjson', '--format', 'csv']);
    expect(code).toBe(0);
    const [header, first] = stdout.replace(/^\uFEFF/, '').split('\r\n');
    expect(header).toBe(
      'id,label,p_professional,uncertain,lang,model,cues,skipped_reason,platform,author,posted_at,text,nav_index,item_id,timestamp_collected,source_platform,source_platform_url,source_url,user_agent,input_id',
    );
    expect(first).toMatch(/^7300000000000000001,personal,0.0712,false,fr,fake-model-1,fille -1.50,,tiktok,coach_fictif,2023-11-03T08:26:40.000Z,/);
    expect(stderr).toContain('(4cat): 2 read, 1 classified, 1 not classified (1 without text)');
  });
});
