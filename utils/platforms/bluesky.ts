import { audienceRef, feedAudience, hashtagAudience, headingText, pathSegments, searchAudience } from './audience';
import { firstMatch, matchesOfFirstFruitfulSelector, neverThrow, outermostOnly, parseHref, safeClosest } from './dom';
import { isSeeMoreLabel } from './labels';
import { hashedPostId } from './postIdentity';
import { labelText, visibleText } from './text';
import { isoFromAtprotoTid } from './time';
import type { AudienceRef, ExtractedPost, PlatformAdapter, PostAuthor } from './types';

/**
 * Bluesky (bsky.app). Feed items carry `data-testid="feedItem-by-{handle}"` (thread views:
 * `postThreadItem-by-`); the text is `[data-testid="postText"]`, drawn with pre-wrap. The time link's
 * aria-label is localised prose, so the time comes from the post's record key instead: a TID, which
 * encodes its creation time. A quoted post is a nested `[role="link"]` that we skip.
 */
export const SELECTORS = {
  post: ['[data-testid^="feedItem-by-"]', '[data-testid^="postThreadItem-by-"]', 'div[role="link"][tabindex="0"]'],
  text: ['[data-testid="postText"]'],
  /** A quoted post or an external card inside the item (links themselves are <a role="link">). */
  embed: ['div[role="link"]'],
  /** "Reposted by Paul Martin" line above the post. */
  repostLine: ['a[aria-label^="Reposted by"]'],
  postLink: ['a[href*="/post/"]'],
  profileLink: ['a[href^="/profile/"]', 'a[href^="https://bsky.app/profile/"]'],
  pageHeading: ['[data-testid="headerTitle"]', 'h1', '[role="heading"]'],
} as const;

const ORIGIN = 'https://bsky.app';
const TESTID_AUTHOR = /^(?:feedItem|postThreadItem)-by-(.+)$/;
const REPOSTED_BY = /^reposted by\s+/i;

function profileParts(href: string | null | undefined): string[] {
  const url = parseHref(href, ORIGIN);
  if (!url || url.hostname !== 'bsky.app') return [];
  const segments = pathSegments(url);
  return segments[0] === 'profile' ? segments.slice(1) : [];
}

function readBlueskyPost(item: Element): ExtractedPost | null {
  const own = (el: Element) => {
    const embed = SELECTORS.embed.map((s) => safeClosest(el, s)).find((e) => e !== null && e !== item && item.contains(e));
    return !embed;
  };
  const repostLine = firstMatch(item, SELECTORS.repostLine, own);
  const outsideRepostLine = (el: Element) => own(el) && !(repostLine && repostLine.contains(el));

  const fromTestId = TESTID_AUTHOR.exec(item.getAttribute('data-testid') ?? '')?.[1];
  const postLinks = matchesOfFirstFruitfulSelector(item, SELECTORS.postLink, outsideRepostLine);
  const postLink =
    postLinks.find((a) => !fromTestId || profileParts(a.getAttribute('href'))[0] === fromTestId) ?? postLinks[0];
  const [linkHandle, , rkey] = profileParts(postLink?.getAttribute('href'));
  const handle = fromTestId ?? linkHandle;
  if (!handle || !postLink) return null; // a "load more" row, a feed header, an empty item

  const profileLinks = matchesOfFirstFruitfulSelector(item, SELECTORS.profileLink, outsideRepostLine).filter((a) => {
    const parts = profileParts(a.getAttribute('href'));
    return parts.length === 1 && parts[0] === handle;
  });
  const name = profileLinks
    .map((a) => labelText(a).replace(new RegExp(`\\s*@${handle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`), ''))
    .find((text) => text !== '' && !text.startsWith('@'));
  const author: PostAuthor = { handle, profileUrl: `${ORIGIN}/profile/${handle}` };
  if (name) author.name = name;

  const textEl = firstMatch(item, SELECTORS.text, own);
  const text = visibleText(textEl, { preWrap: true });

  let repost: ExtractedPost['repost'];
  if (repostLine) {
    const [byHandle] = profileParts(repostLine.getAttribute('href'));
    const byName = (repostLine.getAttribute('aria-label') ?? labelText(repostLine)).replace(REPOSTED_BY, '').trim();
    const by: PostAuthor = {};
    if (byName) by.name = byName;
    if (byHandle) Object.assign(by, { handle: byHandle, profileUrl: `${ORIGIN}/profile/${byHandle}` });
    repost = { by, originalAuthor: author };
  }

  const truncated = Array.from(item.querySelectorAll('button')).some(
    (b) => own(b) && isSeeMoreLabel(labelText(b)),
  );

  const post: ExtractedPost = {
    platform: 'bluesky',
    id: rkey ? `at://${handle}/app.bsky.feed.post/${rkey}` : hashedPostId(handle, text),
    author,
    text,
    sponsored: false,
    truncated,
  };
  const postedAt = isoFromAtprotoTid(rkey);
  if (postedAt) post.postedAt = postedAt;
  if (rkey) post.permalink = `${ORIGIN}/profile/${handle}/post/${rkey}`;
  if (repost) post.repost = repost;
  return post;
}

function isBlueskyFeedUrl(url: URL): boolean {
  const [first, second, third, fourth] = pathSegments(url);
  if (!first) return true;
  if (first === 'hashtag') return second !== undefined;
  if (first === 'search') return !!url.searchParams.get('q');
  if (first === 'profile' && second) {
    if (third === undefined) return true;
    return (third === 'feed' || third === 'lists') && fourth !== undefined;
  }
  return false;
}

function blueskyAudienceFor(url: URL, doc: Document): AudienceRef {
  const [first, second, third, fourth] = pathSegments(url);
  const heading = () => headingText(doc, SELECTORS.pageHeading);
  if (first === 'hashtag' && second) return hashtagAudience('bluesky', second);
  if (first === 'search') {
    const query = (url.searchParams.get('q') ?? '').trim();
    if (/^#[\p{L}\p{N}_]+$/u.test(query)) return hashtagAudience('bluesky', query);
    if (query) return searchAudience('bluesky', query);
  }
  if (first === 'profile' && second) {
    if (third === 'feed' && fourth) return audienceRef('bluesky', 'list', ['feed', second, fourth], `Feed: ${heading() ?? fourth}`);
    if (third === 'lists' && fourth) return audienceRef('bluesky', 'list', ['list', second, fourth], `List: ${heading() ?? fourth}`);
    return audienceRef('bluesky', 'profile', [second], `@${second}`);
  }
  return feedAudience('bluesky');
}

export const blueskyAdapter: PlatformAdapter = {
  id: 'bluesky',
  isFeedUrl: isBlueskyFeedUrl,
  audienceFor: blueskyAudienceFor,
  findPosts: (root) =>
    outermostOnly(
      matchesOfFirstFruitfulSelector(root, SELECTORS.post, (el) => firstMatch(el, SELECTORS.postLink) !== null),
    ),
  readPost: neverThrow(readBlueskyPost),
};
