import { audienceRef, feedAudience, hashtagAudience, pathSegments, searchAudience } from './audience';
import { firstMatch, matchesOfAnySelector, neverThrow, outermostOnly, parseHref, precedes, safeClosest } from './dom';
import { isSeeMoreLabel, isSponsoredLabel } from './labels';
import { hashedPostId } from './postIdentity';
import { labelText, visibleText, withoutTrailingEllipsis } from './text';
import { isoFromDatetime } from './time';
import type { AudienceRef, ExtractedPost, PlatformAdapter, PostAuthor } from './types';

/**
 * Instagram. Feed posts and opened posts are `<article>`s; a profile shows a grid of tiles (links to
 * /p/ or /reel/ with an image) and no text, which we record as posts with empty text. In the feed the
 * caption is the first dir="auto" span after the action bar `<section>` whose block links to the
 * post's owner (comment previews link to their own authors); an opened post puts it in an h1.
 */
export const SELECTORS = {
  post: ['article', 'main a[href*="/p/"]', 'main a[href*="/reel/"]'],
  /** The opened post's caption, then feed captions (2024+ spans carry dir="auto"; older ones do not). */
  caption: ['h1[dir="auto"]', 'span[dir="auto"]', 'span'],
  /** The action bar (Like, Comment, Share); the caption comes after it in the feed. */
  actionBar: ['section'],
  /** Never the caption: links, controls, times, comment lists, the older markup's post header. */
  notCaption: ['a', 'button', '[role="button"]', 'time', 'ul', 'section', 'header'],
  time: ['time[datetime]'],
  /** The profile's username on a profile page (for grid tiles whose link omits it). */
  profileHeading: ['header h2', 'main header h1'],
} as const;

const ORIGIN = 'https://www.instagram.com';
/** First path segments that are Instagram's own pages, not usernames. */
const RESERVED = new Set([
  'p', 'reel', 'reels', 'tv', 'stories', 'explore', 'direct', 'accounts', 'about', 'legal', 'developer',
  'challenge', 'emails', 'web', 'graphql', 'api',
]);

function usernameOfHref(href: string | null | undefined): string | undefined {
  const url = parseHref(href, ORIGIN);
  if (!url || !/(^|\.)instagram\.com$/.test(url.hostname)) return undefined;
  const segments = pathSegments(url);
  const [user] = segments;
  return segments.length === 1 && user && !RESERVED.has(user) && /^[\w.]{1,30}$/.test(user) ? user : undefined;
}

/** "/p/CODE/", "/reel/CODE/", "/user/p/CODE/" → { code, user? }; comment links (/c/…) answer undefined. */
function postOfHref(href: string | null | undefined): { code: string; user?: string } | undefined {
  const url = parseHref(href, ORIGIN);
  if (!url) return undefined;
  const segments = pathSegments(url);
  const at = segments.findIndex((s) => s === 'p' || s === 'reel');
  const code = at >= 0 ? segments[at + 1] : undefined;
  if (!code || segments.length !== at + 2 || at > 1) return undefined;
  return at === 1 ? { code, user: segments[0] } : { code };
}

function inside(el: Element, container: Element, selectors: readonly string[]): boolean {
  return selectors.some((selector) => {
    const match = safeClosest(el, selector);
    return match !== null && match !== container && container.contains(match);
  });
}

/** Nearest ancestor (within the article) that holds a profile link: the block a caption belongs to. */
function captionBlock(span: Element, article: Element): { block: Element; owner: string } | undefined {
  for (let el = span.parentElement; el && el !== article; el = el.parentElement) {
    const link = Array.from(el.querySelectorAll('a[href]')).find((a) => usernameOfHref(a.getAttribute('href')));
    const owner = usernameOfHref(link?.getAttribute('href'));
    if (owner) return { block: el, owner };
  }
  return undefined;
}

function readTile(tile: Element): ExtractedPost | null {
  const target = postOfHref(tile.getAttribute('href'));
  if (!target || !tile.querySelector('img')) return null;
  const heading = firstMatch(tile.ownerDocument, SELECTORS.profileHeading);
  const handle = target.user ?? (heading ? labelText(heading) : undefined);
  if (!handle) return null;
  return {
    platform: 'instagram',
    id: target.code,
    author: { handle, profileUrl: `${ORIGIN}/${handle}/` },
    text: '',
    sponsored: false,
    truncated: false,
    permalink: `${ORIGIN}/p/${target.code}/`,
  };
}

function readInstagramPost(container: Element): ExtractedPost | null {
  if (container.tagName.toLowerCase() === 'a') return readTile(container);
  const article = container;

  const ownerLink = Array.from(article.querySelectorAll('a[href]')).find((a) => usernameOfHref(a.getAttribute('href')));
  const handle = usernameOfHref(ownerLink?.getAttribute('href'));
  if (!handle) return null; // a loading placeholder or a "Suggested for you" carousel
  const author: PostAuthor = { handle, profileUrl: `${ORIGIN}/${handle}/` };

  const postLinks = Array.from(article.querySelectorAll('a[href]')).filter((a) => postOfHref(a.getAttribute('href')));
  const code = postLinks.map((a) => postOfHref(a.getAttribute('href'))?.code).find(Boolean);
  const time = firstMatch(
    article,
    SELECTORS.time,
    (t) => postOfHref(safeClosest(t, 'a[href]')?.getAttribute('href'))?.code === code || !safeClosest(t, 'a[href]'),
  );

  const actionBar = firstMatch(article, SELECTORS.actionBar);
  const isFeedCaption = (selector: string) => (span: Element) =>
    (!actionBar || precedes(actionBar, span)) &&
    !inside(span, article, SELECTORS.notCaption) &&
    !safeClosest(span.parentElement ?? span, selector) &&
    labelText(span) !== '' &&
    !isSponsoredLabel(labelText(span)) &&
    !Array.from(span.querySelectorAll('a[href]')).some((a) => usernameOfHref(a.getAttribute('href')) === handle) &&
    captionBlock(span, article)?.owner === handle;
  const [openedCaption, ...feedCaptions] = SELECTORS.caption;
  const caption =
    // An opened post's caption is an h1 (its comments are spans in the same list).
    firstMatch(article, [openedCaption]) ??
    feedCaptions.map((selector) => firstMatch(article, [selector], isFeedCaption(selector))).find(Boolean) ??
    null;
  const block = caption ? captionBlock(caption, article)?.block : undefined;
  const truncated =
    block !== undefined &&
    Array.from(block.querySelectorAll('[role="button"], button')).some((b) =>
      isSeeMoreLabel(labelText(b)),
    );
  const fullText = visibleText(caption);
  const text = truncated ? withoutTrailingEllipsis(fullText) : fullText;

  const sponsored = Array.from(article.querySelectorAll('span, a')).some(
    (el) => el.children.length === 0 && !(caption && caption.contains(el)) && isSponsoredLabel(labelText(el)),
  );

  const post: ExtractedPost = {
    platform: 'instagram',
    id: code ?? hashedPostId(handle, text),
    author,
    text,
    sponsored,
    truncated,
  };
  const postedAt = isoFromDatetime(time?.getAttribute('datetime'));
  if (postedAt) post.postedAt = postedAt;
  if (code) post.permalink = `${ORIGIN}/p/${code}/`;
  return post;
}

/** Articles, then grid tiles outside any article that do not repeat an article's post. */
function findInstagramPosts(root: ParentNode): Element[] {
  const articles = outermostOnly(matchesOfAnySelector(root, [SELECTORS.post[0]!]));
  const shownCodes = new Set(
    articles.flatMap((a) => Array.from(a.querySelectorAll('a[href]')).map((l) => postOfHref(l.getAttribute('href'))?.code)),
  );
  const tiles = matchesOfAnySelector(root, SELECTORS.post.slice(1)).filter((tile) => {
    const code = postOfHref(tile.getAttribute('href'))?.code;
    return code !== undefined && !shownCodes.has(code) && !safeClosest(tile, 'article') && tile.querySelector('img') !== null;
  });
  return [...articles, ...tiles].sort((a, b) => (a === b ? 0 : precedes(a, b) ? -1 : 1));
}

function isInstagramFeedUrl(url: URL): boolean {
  const [first, second, third] = pathSegments(url);
  if (!first) return true;
  if (first === 'explore') return (second === 'tags' && !!third) || (second === 'search' && !!url.searchParams.get('q'));
  return !RESERVED.has(first) && (second === undefined || second === 'reels' || second === 'tagged');
}

function instagramAudienceFor(url: URL, _doc: Document): AudienceRef {
  const [first, second, third] = pathSegments(url);
  if (first === 'explore' && second === 'tags' && third) return hashtagAudience('instagram', third);
  if (first === 'explore' && second === 'search') {
    const query = (url.searchParams.get('q') ?? '').trim();
    if (/^#[\p{L}\p{N}_]+$/u.test(query)) return hashtagAudience('instagram', query);
    if (query) return searchAudience('instagram', query);
  }
  if (first && !RESERVED.has(first)) return audienceRef('instagram', 'profile', [first], `@${first}`);
  return feedAudience('instagram');
}

export const instagramAdapter: PlatformAdapter = {
  id: 'instagram',
  isFeedUrl: isInstagramFeedUrl,
  audienceFor: instagramAudienceFor,
  findPosts: findInstagramPosts,
  readPost: neverThrow(readInstagramPost),
};
