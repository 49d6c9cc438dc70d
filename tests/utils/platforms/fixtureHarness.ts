/**
 * Runs an adapter over one saved page and compares what it reads with the page's `.expected.json`:
 * every expected post in order (no more, no fewer), the audience, and that no comment, quoted post or
 * empty shell listed under `notRead` leaks into any post's text. Shared by the per-platform tests.
 */
import { expect } from 'vitest';
import { hashedPostId } from '../../../utils/platforms/postIdentity';
import type { AudienceRef, ExtractedPost, PlatformAdapter, PostAuthor } from '../../../utils/platforms/types';

export interface ExpectedAuthor {
  handle?: string;
  name?: string;
  kind?: 'person' | 'organisation';
}

export interface ExpectedPost {
  id: string;
  author: ExpectedAuthor;
  text: string;
  sponsored: boolean;
  truncated: boolean;
  /** Handles (or names where the page shows no handle) of who reposted and who wrote the text. */
  repost?: { by?: string; originalAuthor?: string };
  postedAt?: string;
  permalink?: string;
}

export interface ExpectedPage {
  /** The URL the page was saved from. */
  url: string;
  isFeedUrl: boolean;
  audience: AudienceRef;
  posts: ExpectedPost[];
  /** Texts of comments, quoted posts and shells that must not appear in any post's text. */
  notRead: string[];
}

/**
 * Parses a saved page. With `url`, a <base> puts the page back at the address it was saved from, so
 * relative links resolve as they do on the live site (otherwise they would resolve against the test
 * runner's own location).
 */
export function parsePage(html: string, url?: string): Document {
  const located = url ? html.replace(/<head([^>]*)>/i, `<head$1><base href="${url}">`) : html;
  return new DOMParser().parseFromString(located, 'text/html');
}

export function readAll(adapter: PlatformAdapter, doc: Document): ExtractedPost[] {
  return adapter
    .findPosts(doc)
    .map((container) => adapter.readPost(container))
    .filter((post): post is ExtractedPost => post !== null);
}

function personKey(author: PostAuthor | undefined): string | undefined {
  return author?.handle ?? author?.name;
}

/** The fields an expected.json pins, taken from a read post (so extra fields never fail a test). */
export function comparable(post: ExtractedPost, expected: ExpectedPost): ExpectedPost {
  const author: ExpectedAuthor = {};
  if (post.author.handle !== undefined) author.handle = post.author.handle;
  if ('name' in expected.author) author.name = post.author.name;
  if ('kind' in expected.author) author.kind = post.author.kind;
  const out: ExpectedPost = {
    id: post.id,
    author,
    text: post.text,
    sponsored: post.sponsored,
    truncated: post.truncated,
  };
  if (post.repost) {
    out.repost = {};
    const by = personKey(post.repost.by);
    const original = personKey(post.repost.originalAuthor);
    if (by !== undefined) out.repost.by = by;
    if (original !== undefined) out.repost.originalAuthor = original;
  }
  if (post.postedAt !== undefined) out.postedAt = post.postedAt;
  if ('permalink' in expected) out.permalink = post.permalink;
  return out;
}

export function checkPage(adapter: PlatformAdapter, html: string, expected: ExpectedPage): void {
  const doc = parsePage(html, expected.url);
  const url = new URL(expected.url);
  expect(adapter.isFeedUrl(url)).toBe(expected.isFeedUrl);
  expect(adapter.audienceFor(url, doc)).toEqual(expected.audience);

  const posts = readAll(adapter, doc);
  expect(posts.map((p) => p.id)).toEqual(expected.posts.map((p) => p.id));
  posts.forEach((post, i) => {
    const want = expected.posts[i]!;
    expect(post.platform).toBe(adapter.id);
    expect(comparable(post, want)).toEqual(want);
    if (post.id.startsWith('h:')) expect(post.id).toBe(hashedPostId(personKey(post.author) ?? '', post.text));
    if (post.postedAt !== undefined) expect(new Date(post.postedAt).toISOString()).toBe(post.postedAt);
  });

  const texts = posts.map((p) => p.text).join('\n');
  for (const leaked of expected.notRead) expect(texts).not.toContain(leaked);
}

/** Posts the reader turned down: containers findPosts returned but readPost answered null for. */
export function rejectedContainers(adapter: PlatformAdapter, html: string): Element[] {
  return adapter.findPosts(parsePage(html)).filter((c) => adapter.readPost(c) === null);
}
