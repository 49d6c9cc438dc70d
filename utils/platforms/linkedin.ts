import { audienceRef, feedAudience, hashtagAudience, headingText, pathSegments, searchAudience } from './audience';
import {
  firstMatch,
  matchesOfAnySelector,
  matchesOfFirstFruitfulSelector,
  neverThrow,
  outermostOnly,
  parseHref,
  precedes,
  safeClosest,
} from './dom';
import { isLineClamped, isSeeMoreLabel, isSponsoredLabel } from './labels';
import { hashedPostId } from './postIdentity';
import { labelText, visibleText } from './text';
import { isoFromLinkedInActivityId } from './time';
import type { AudienceRef, ExtractedPost, PlatformAdapter, PostAuthor } from './types';

/**
 * LinkedIn. The 2026 home feed is server-driven markup with hashed class names and no activity urn
 * (docs/PLATFORMS.md): a post is a `[role="listitem"]` of `[data-testid="mainFeed"]`, its author is named
 * by the menu button's aria-label, its id is a hash of author and text. Profile activity pages and older
 * feeds keep `.feed-shared-update-v2[data-urn]` with BEM class names, which we use as fallbacks.
 */
export const SELECTORS = {
  /** Post containers, most stable first; the first selector that finds any wins. */
  post: [
    '[data-testid="mainFeed"] [role="listitem"]',
    '.feed-shared-update-v2[data-urn^="urn:li:activity:"]',
    '[data-urn^="urn:li:activity:"]',
    '.feed-shared-update-v2',
  ],
  /** The post's own text; the first one outside comments and reshared posts. */
  text: ['[data-testid="expandable-text-box"]', '.update-components-text', '.feed-shared-text'],
  /** Menu button whose aria-label names the author ("Open control menu for post by Acme SAS"). */
  controlMenu: ['button[aria-label*="control menu for post by"]', 'button[aria-label*="menu de commande"]'],
  /** Older markup: the actor block and its name (the aria-hidden copy; the visually-hidden one is skipped). */
  actorLink: [
    'a.update-components-actor__meta-link',
    '.update-components-actor__container a[href]',
    'a.feed-shared-actor__container-link',
    '.feed-shared-actor a[href]',
  ],
  actorName: [
    '.update-components-actor__title span[dir="ltr"] > span[aria-hidden="true"]',
    '.update-components-actor__name',
    '.update-components-actor__title',
    '.feed-shared-actor__name',
    '.feed-shared-actor__title',
  ],
  /** Links to a member, company, showcase or school page. */
  profileLink: ['a[href*="/in/"], a[href*="/company/"], a[href*="/showcase/"], a[href*="/school/"]'],
  /** Older markup: the line above the actor ("Paul Martin reposted this"). */
  header: ['.update-components-header', '.feed-shared-header'],
  /** Comment areas: never the post's author, text or labels. */
  comment: [
    '.comments-comments-list',
    '.comments-comment-entity',
    '.comments-comment-item',
    'article',
  ],
  /** Reshared post embedded under someone's commentary. */
  embeddedPost: ['.update-components-mini-update-v2', '.feed-shared-update-v2__content .update-components-update-v2'],
  /** "…see more" controls. */
  seeMore: [
    'button[data-testid="expandable-text-button"]',
    '.feed-shared-inline-show-more-text__see-more-less-toggle',
  ],
  /** Attributes that may hold the activity urn, on the container or a wrapper inside it. */
  urnHolder: ['[data-urn^="urn:li:activity:"]', '[data-id^="urn:li:activity:"]'],
  /** Page heading for company, group and profile audiences. */
  pageHeading: ['main h1', 'h1'],
} as const;

const ORIGIN = 'https://www.linkedin.com';
const MENU_AUTHOR = /(?:post by|publication de|post de)\s+(.+?)\s*$/i;
/** The line above the actor: who reposted, liked or commented (not the author). */
const SOCIAL_HEADER =
  /(?<!\p{L})(?:reposted this|reposted|a republié ceci|a republié|republished|likes this|aime ça|aime ceci|loves this|celebrates this|supports this|finds this (?:insightful|funny)|commented on this|a commenté)(?!\p{L})/iu;
const REPOST_HEADER = /(?<!\p{L})(?:reposted|a republié|republished)(?!\p{L})/iu;

function inside(container: Element, el: Element, selectors: readonly string[]): boolean {
  return selectors.some((selector) => {
    const match = safeClosest(el, selector);
    return match !== null && match !== container && container.contains(match);
  });
}

function inComments(container: Element, el: Element): boolean {
  return inside(container, el, SELECTORS.comment);
}

/** Member, company, showcase or school link → author fields; undefined for any other link. */
export function linkedInAuthorFromHref(href: string | null): PostAuthor | undefined {
  const url = parseHref(href, ORIGIN);
  if (!url || !/(^|\.)linkedin\.com$/.test(url.hostname)) return undefined;
  const [section, slug] = pathSegments(url);
  if (!slug) return undefined;
  if (section === 'in') return { handle: slug, profileUrl: `${ORIGIN}/in/${encodeURIComponent(slug)}/`, kind: 'person' };
  if (section === 'company' || section === 'showcase' || section === 'school') {
    return { handle: slug, profileUrl: `${ORIGIN}/${section}/${encodeURIComponent(slug)}/`, kind: 'organisation' };
  }
  return undefined;
}

function textBox(container: Element): Element | null {
  return firstMatch(
    container,
    SELECTORS.text,
    (el) => !inComments(container, el) && !inside(container, el, SELECTORS.embeddedPost),
  );
}

/** Deepest element, outside comments and the text, whose own words are a social header. */
function socialHeader(container: Element, box: Element | null): Element | null {
  const older = firstMatch(container, SELECTORS.header, (el) => !inComments(container, el));
  if (older) return older;
  const candidates = Array.from(container.querySelectorAll('p, span, div, h2, h3')).filter((el) => {
    if (box && (el.contains(box) || box.contains(el))) return false;
    if (inComments(container, el)) return false;
    const text = labelText(el);
    return text.length < 160 && SOCIAL_HEADER.test(text);
  });
  return candidates.find((el) => !candidates.some((other) => other !== el && el.contains(other))) ?? null;
}

function firstAncestorWithUrn(el: Element): Element | null {
  for (const selector of SELECTORS.urnHolder) {
    const found = safeClosest(el, selector);
    if (found) return found;
  }
  return null;
}

function readLinkedInPost(container: Element): ExtractedPost | null {
  const box = textBox(container);
  const header = socialHeader(container, box);

  const profileLinks = matchesOfAnySelector(container, SELECTORS.profileLink).filter(
    (a) => !inComments(container, a) && !(box && box.contains(a)) && !inside(container, a, SELECTORS.embeddedPost),
  );
  const inHeader = (a: Element) => header !== null && (header.contains(a) || precedes(a, header));

  const menu = firstMatch(container, SELECTORS.controlMenu, (el) => !inComments(container, el));
  const menuName = MENU_AUTHOR.exec(menu?.getAttribute('aria-label') ?? '')?.[1];

  const outsideEmbedded = (el: Element) => !inComments(container, el) && !inside(container, el, SELECTORS.embeddedPost);
  const olderActor = firstMatch(container, SELECTORS.actorLink, outsideEmbedded);
  const authorLink =
    olderActor ??
    (menuName ? profileLinks.find((a) => !inHeader(a) && labelText(a) === menuName) : undefined) ??
    profileLinks.find((a) => !inHeader(a));

  // The actor block names the text's author even on a repost; the menu label comes second.
  const olderName = firstMatch(container, SELECTORS.actorName, outsideEmbedded);
  const name =
    (olderName ? labelText(olderName) : '') ||
    menuName ||
    profileLinks
      .filter((a) => a.getAttribute('href') === authorLink?.getAttribute('href'))
      .map((a) => labelText(a))
      .find(Boolean) ||
    undefined;

  const fromHref = linkedInAuthorFromHref(authorLink?.getAttribute('href') ?? null);
  if (!fromHref && !name) return null; // a loading placeholder or an empty shell
  const author: PostAuthor = { ...(name ? { name } : {}), ...fromHref };

  const text = visibleText(box, { skip: SELECTORS.seeMore.join(', ') });

  let repost: ExtractedPost['repost'];
  if (header && REPOST_HEADER.test(labelText(header))) {
    const byLink = profileLinks.filter(inHeader).pop();
    const byName = byLink ? labelText(byLink) : '';
    const by: PostAuthor = { ...(byName ? { name: byName } : {}), ...linkedInAuthorFromHref(byLink?.getAttribute('href') ?? null) };
    repost = { by, originalAuthor: author };
  }

  const sponsored = Array.from(container.querySelectorAll('p, span, div, a')).some(
    (el) =>
      !(box && box.contains(el)) &&
      !inComments(container, el) &&
      el.children.length === 0 &&
      isSponsoredLabel(labelText(el)),
  );

  const truncated =
    firstMatch(container, SELECTORS.seeMore, (el) => !inComments(container, el)) !== null ||
    Array.from(container.querySelectorAll('button')).some(
      (b) => !inComments(container, b) && isSeeMoreLabel(labelText(b)),
    ) ||
    isLineClamped(box);

  // The urn sits on the container, on a wrapper around it (older feeds' occludable-update) or inside it.
  const wrapper = container.parentElement ? firstAncestorWithUrn(container.parentElement) : null;
  const urnHolder = [container, ...(wrapper ? [wrapper] : []), ...matchesOfAnySelector(container, SELECTORS.urnHolder).filter(outsideEmbedded)].find((el) =>
    /^urn:li:activity:\d+$/.test(el.getAttribute('data-urn') ?? el.getAttribute('data-id') ?? ''),
  );
  const urn = urnHolder?.getAttribute('data-urn') ?? urnHolder?.getAttribute('data-id') ?? undefined;
  const activityId = urn?.split(':').pop();

  const post: ExtractedPost = {
    platform: 'linkedin',
    id: urn ?? hashedPostId(author.handle ?? author.name ?? '', text),
    author,
    text,
    sponsored,
    truncated,
  };
  const postedAt = isoFromLinkedInActivityId(activityId);
  if (postedAt) post.postedAt = postedAt;
  if (urn) post.permalink = `${ORIGIN}/feed/update/${urn}/`;
  if (repost) post.repost = repost;
  return post;
}

function isLinkedInFeedUrl(url: URL): boolean {
  const [first, second, third] = pathSegments(url);
  if (first === undefined) return true;
  if (first === 'feed') return second === undefined || second === 'hashtag';
  if (first === 'company' || first === 'showcase' || first === 'school') return second !== undefined;
  if (first === 'in') return second !== undefined && (third === undefined || third === 'recent-activity');
  if (first === 'groups') return second !== undefined;
  if (first === 'search') return second === 'results' && (third === 'content' || third === 'all');
  return false;
}

function linkedInAudienceFor(url: URL, doc: Document): AudienceRef {
  const [first, second] = pathSegments(url);
  const heading = () => headingText(doc, SELECTORS.pageHeading);
  if (first === 'feed' && second === 'hashtag') {
    const tag = url.searchParams.get('keywords') ?? pathSegments(url)[2];
    if (tag) return hashtagAudience('linkedin', tag);
  }
  if ((first === 'company' || first === 'showcase' || first === 'school') && second) {
    return audienceRef('linkedin', 'page', [second], heading() ?? second);
  }
  if (first === 'in' && second) return audienceRef('linkedin', 'profile', [second], heading() ?? second);
  if (first === 'groups' && second) return audienceRef('linkedin', 'group', [second], heading() ?? second);
  if (first === 'search') {
    const query = url.searchParams.get('keywords');
    if (query) return searchAudience('linkedin', query);
  }
  return feedAudience('linkedin');
}

export const linkedinAdapter: PlatformAdapter = {
  id: 'linkedin',
  isFeedUrl: isLinkedInFeedUrl,
  audienceFor: linkedInAudienceFor,
  findPosts: (root) => outermostOnly(matchesOfFirstFruitfulSelector(root, SELECTORS.post)),
  readPost: neverThrow(readLinkedInPost),
};
