// Catches demo feeds drifting from what the demo promises (30–40 invented posts a page, one ad, one
// repost) and demo templates drifting from the adapters: on every page whose platform has a registered
// adapter, the adapter must read exactly the page's non-sponsored posts, texts included.
import { describe, expect, it } from 'vitest';
import { checkDemoFile } from '../../../scripts/demo/feedData';
import { demoPages, loadDemoFiles, registeredPlatforms, RENDERERS } from '../../../scripts/demo/demoPages';
import { predictPage } from '../../../scripts/demo/expectedPosts';
import { PLATFORM_IDS } from '../../../utils/platforms/catalog';

const files = await loadDemoFiles();
const feeds = files.flatMap((f) => f.feeds.map((feed) => ({ platform: f.platform, feed })));
/** Platforms without ads (Mastodon, Bluesky): their pages have no sponsored post. */
const AD_FREE = new Set(['mastodon', 'bluesky']);
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('demo/posts', () => {
  it('has a file for every platform of the catalog', () => {
    expect(files.map((f) => f.platform)).toEqual([...PLATFORM_IDS]);
  });

  it.each(feeds.map(({ platform, feed }) => [feed.url, platform, feed] as const))(
    '%s: 30–40 posts in French and English, one ad (where the site has ads), one repost, no text twice',
    (_url, platform, feed) => {
      expect(feed.posts.length).toBeGreaterThanOrEqual(30);
      expect(feed.posts.length).toBeLessThanOrEqual(40);
      expect(feed.posts.filter((p) => p.sponsored)).toHaveLength(AD_FREE.has(platform) ? 0 : 1);
      expect(feed.posts.filter((p) => p.repostedBy)).toHaveLength(1);
      const texts = feed.posts.map((p) => p.text);
      expect(new Set(texts).size).toBe(texts.length);
      expect(feed.posts.some((p) => /[éèàçù]/.test(p.text))).toBe(true); // some French…
      expect(feed.posts.some((p) => /\b(the|and|our)\b/i.test(p.text))).toBe(true); // …and some English
    },
  );

  it('reports what is wrong in a hand-edited file', () => {
    expect(checkDemoFile('myspace', { feeds: [] })).toEqual([expect.stringContaining('not a platform')]);
    expect(checkDemoFile('x', { feeds: [{ url: 'http://x.com/', title: 'X', lang: 'de', posts: [{ name: 'A' }] }] })).toEqual([
      'x.json feeds[0]: "url" must be an https URL',
      'x.json feeds[0]: "lang" must be "fr" or "en"',
      'x.json feeds[0].posts[0]: "handle" is missing',
      'x.json feeds[0].posts[0]: "text" is missing',
    ]);
  });
});

describe('demoPages', () => {
  it('serves registered platforms only, with a note for each platform left out', () => {
    const { pages, notes } = demoPages(files, new Set(['linkedin', 'x']));
    expect(pages.map((p) => p.url)).toEqual(['https://www.linkedin.com/feed/', 'https://x.com/hashtag/rentr%C3%A9e']);
    expect(notes).toHaveLength(PLATFORM_IDS.length - 2);
    expect(notes[0]).toMatch(/^facebook: skipped, no adapter registered yet/);
  });

  it.each(feeds.filter(({ platform }) => registeredPlatforms().has(platform)).map(({ platform, feed }) => [feed.url, platform, feed] as const))(
    '%s: the registered adapter reads every non-sponsored post of the template (scripts/demo/render/)',
    async (url, platform, feed) => {
      const prediction = await predictPage(url, RENDERERS[platform](feed));
      const wanted = feed.posts.filter((p) => !p.sponsored);
      expect(prediction.read).toBe(true);
      expect(prediction.sponsored).toBe(feed.posts.length - wanted.length);
      expect(prediction.posts).toHaveLength(wanted.length);
      prediction.posts.forEach((post, i) => expect(squash(post.text)).toContain(squash(wanted[i]!.text)));
      // Adapters that know reposts (not Instagram's or Reddit's) find the page's one repost.
      expect(prediction.posts.filter((p) => p.repost).length).toBeLessThanOrEqual(1);
    },
  );
});
