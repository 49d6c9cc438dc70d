import { audienceRef, feedAudience, hashtagAudience, headingText, pathSegments, searchAudience } from './audience';
import {
  firstMatch,
  matchesOfFirstFruitfulSelector,
  neverThrow,
  outermostOnly,
  parseHref,
  precedes,
  safeClosest,
} from './dom';
import { isSeeMoreLabel, isSponsoredLabel } from './labels';
import { hashedPostId } from './postIdentity';
import { labelText, visibleText, withoutTrailingEllipsis } from './text';
import type { AudienceRef, ExtractedPost, PlatformAdapter, PostAuthor } from './types';

/**
 * Facebook. Feed stories are `div[aria-posinset]`; comments are `div[role="article"]` *with* an aria-label
 * ("Comment by …"), so the fallback container is an article without one. Facebook fills permalinks only
 * on hover, scrambles the time into single-letter spans and obfuscates "Sponsored": the id falls back to
 * a hash of author and text, no time is read (postedAt stays unset), and ads are known by their
 * /ads/about/ link.
 */
export const SELECTORS = {
  post: ['div[aria-posinset]', 'div[role="article"]:not([aria-label])', 'div[data-pagelet^="FeedUnit_"]'],
  text: [
    'div[data-ad-rendering-role="story_message"]',
    'div[data-ad-preview="message"]',
    'div[data-ad-comet-preview="message"]',
  ],
  /** The block naming who posted (and, in a share, the block naming the original author). */
  profileName: ['div[data-ad-rendering-role="profile_name"]', 'h2, h3, h4'],
  /** Comments carry an aria-label; so do their reply lists. */
  comment: ['div[role="article"][aria-label]'],
  permalink: ['a[href*="/posts/"]', 'a[href*="/permalink/"]', 'a[href*="story_fbid="]'],
  sponsored: ['a[href*="/ads/about"]'],
  /** Group name in the group's header, then any main heading. */
  pageHeading: ['h1 a[href*="/groups/"]', 'div[role="main"] h1', 'h1'],
} as const;

const ORIGIN = 'https://www.facebook.com';
/** First path segments that are Facebook's own pages, not profiles or pages. */
const RESERVED = new Set([
  'home.php', 'watch', 'marketplace', 'gaming', 'reel', 'reels', 'stories', 'messages', 'notifications',
  'friends', 'events', 'settings', 'photo', 'photo.php', 'photos', 'bookmarks', 'saved', 'memories', 'login',
  'pages', 'ads', 'help', 'privacy', 'policies', 'search', 'hashtag', 'groups', 'story.php', 'permalink.php',
]);

function inComment(container: Element, el: Element): boolean {
  return SELECTORS.comment.some((selector) => {
    const comment = safeClosest(el, selector);
    return comment !== null && comment !== container && container.contains(comment);
  });
}

/** A link to a person or page → author fields (tracking parameters dropped); undefined otherwise. */
export function facebookAuthorFromHref(href: string | null): PostAuthor | undefined {
  const url = parseHref(href, ORIGIN);
  if (!url || !/(^|\.)facebook\.com$/.test(url.hostname)) return undefined;
  const segments = pathSegments(url);
  const [first, second, third, fourth] = segments;
  if (!first) return undefined;
  if (first === 'profile.php') {
    const id = url.searchParams.get('id');
    return id ? { handle: id, profileUrl: `${ORIGIN}/profile.php?id=${id}` } : undefined;
  }
  if (first === 'groups' && third === 'user' && fourth) return { handle: fourth, profileUrl: `${ORIGIN}/profile.php?id=${fourth}` };
  if (first === 'people' && third) return { handle: third, profileUrl: `${ORIGIN}/profile.php?id=${third}` };
  if (RESERVED.has(first.toLowerCase()) || second !== undefined) return undefined;
  return { handle: first, profileUrl: `${ORIGIN}/${first}` };
}

interface Byline {
  block: Element;
  author: PostAuthor;
}

/** Profile-name blocks of the story (outside comments) that link to a person or page, in order. */
function bylines(container: Element): Byline[] {
  const blocks = outermostOnly(
    matchesOfFirstFruitfulSelector(container, SELECTORS.profileName, (el) => !inComment(container, el)),
  );
  const found: Byline[] = [];
  for (const block of blocks) {
    const link = Array.from(block.querySelectorAll('a[href]')).find((a) => facebookAuthorFromHref(a.getAttribute('href')));
    const author = link ? facebookAuthorFromHref(link.getAttribute('href')) : undefined;
    if (!link || !author) continue;
    const name = labelText(link) || labelText(block);
    found.push({ block, author: name ? { name, ...author } : author });
  }
  return found;
}

function postIdFromHref(href: string | null): string | undefined {
  const url = parseHref(href, ORIGIN);
  if (!url) return undefined;
  const story = url.searchParams.get('story_fbid');
  if (story) return story;
  const segments = pathSegments(url);
  const at = segments.findIndex((s) => s === 'posts' || s === 'permalink');
  const id = at >= 0 ? segments[at + 1] : undefined;
  return id && /^(?:pfbid)?[\w]+$/.test(id) ? id : undefined;
}

function readFacebookPost(container: Element): ExtractedPost | null {
  const names = bylines(container);
  const first = names[0];
  if (!first) return null; // a loading shell, "People you may know", a reels tray

  const messages = matchesOfFirstFruitfulSelector(container, SELECTORS.text, (el) => !inComment(container, el));
  const original = names[1];
  // A share: the sharer's byline, then the attached post's byline and message. When the first message
  // comes after the second byline, the sharer added no words: the text is the original author's.
  const firstMessage = messages[0];
  const pureShare = original !== undefined && (!firstMessage || precedes(original.block, firstMessage));

  const author = pureShare ? original.author : first.author;
  const message = pureShare
    ? messages.find((m) => precedes(original.block, m))
    : firstMessage && (!original || precedes(firstMessage, original.block))
      ? firstMessage
      : undefined;
  const truncated =
    message !== undefined &&
    Array.from(message.querySelectorAll('[role="button"]')).some((b) => isSeeMoreLabel(labelText(b)));
  const fullText = visibleText(message);
  const text = truncated ? withoutTrailingEllipsis(fullText) : fullText;

  const permalinkEl = firstMatch(
    container,
    SELECTORS.permalink,
    (a) => !inComment(container, a) && postIdFromHref(a.getAttribute('href')) !== undefined,
  );
  const postId = postIdFromHref(permalinkEl?.getAttribute('href') ?? null);

  const sponsored =
    firstMatch(container, SELECTORS.sponsored, (el) => !inComment(container, el)) !== null ||
    Array.from(container.querySelectorAll('span, a')).some(
      (el) =>
        el.children.length === 0 &&
        !inComment(container, el) &&
        !(message && message.contains(el)) &&
        isSponsoredLabel(labelText(el)),
    );

  const post: ExtractedPost = {
    platform: 'facebook',
    id: postId ?? hashedPostId(author.handle ?? author.name ?? '', text),
    author,
    text,
    sponsored,
    truncated,
  };
  if (postId && permalinkEl) {
    const url = parseHref(permalinkEl.getAttribute('href'), ORIGIN);
    if (url) post.permalink = `${url.origin}${url.pathname}${url.searchParams.has('story_fbid') ? url.search : ''}`;
  }
  if (pureShare) post.repost = { by: first.author, originalAuthor: original.author };
  return post;
}

function isFacebookFeedUrl(url: URL): boolean {
  const [first, second, third] = pathSegments(url);
  if (!first || first === 'home.php') return true;
  if (first === 'groups') return second !== undefined && second !== 'discover' && second !== 'joins' && (third === undefined || third === 'buy_sell_discuss');
  if (first === 'hashtag') return second !== undefined;
  if (first === 'search') return (second === 'posts' || second === 'top') && !!url.searchParams.get('q');
  if (first === 'profile.php') return url.searchParams.has('id');
  if (first === 'people') return third !== undefined;
  if (RESERVED.has(first.toLowerCase())) return false;
  return second === undefined;
}

function facebookAudienceFor(url: URL, doc: Document): AudienceRef {
  const [first, second, third] = pathSegments(url);
  const heading = () => headingText(doc, SELECTORS.pageHeading);
  if (first === 'groups' && second === 'feed') return audienceRef('facebook', 'feed', ['groups'], 'Groups feed');
  if (first === 'groups' && second) return audienceRef('facebook', 'group', [second], heading() ?? second);
  if (first === 'hashtag' && second) return hashtagAudience('facebook', second);
  if (first === 'search') {
    const query = url.searchParams.get('q');
    if (query) return searchAudience('facebook', query);
  }
  if (first === 'profile.php' && url.searchParams.get('id')) {
    const id = url.searchParams.get('id')!;
    return audienceRef('facebook', 'profile', [id], heading() ?? id);
  }
  if (first === 'people' && third) return audienceRef('facebook', 'profile', [third], heading() ?? second ?? third);
  if (first && !RESERVED.has(first.toLowerCase())) return audienceRef('facebook', 'profile', [first], heading() ?? first);
  return feedAudience('facebook');
}

export const facebookAdapter: PlatformAdapter = {
  id: 'facebook',
  isFeedUrl: isFacebookFeedUrl,
  audienceFor: facebookAudienceFor,
  findPosts: (root) => outermostOnly(matchesOfFirstFruitfulSelector(root, SELECTORS.post)),
  readPost: neverThrow(readFacebookPost),
};
