import type { PlatformId } from './catalog';

/** Who wrote a post, as far as the page shows it. */
export interface PostAuthor {
  name?: string;
  /** Handle or slug without the leading @ ("jdupont", "acme-sas", "alice.bsky.social"). */
  handle?: string;
  profileUrl?: string;
  /** Only when the page says so (a /company/ link, a page badge); otherwise left out. */
  kind?: 'person' | 'organisation';
}

/** A post as read from the page, before classification. */
export interface ExtractedPost {
  platform: PlatformId;
  /**
   * Stable id: the site's own (tweet id, activity urn, t3_ id, /p/ code…), or `h:` + a hash of author
   * and text when the page shows none (Facebook fills permalinks only on hover).
   */
  id: string;
  author: PostAuthor;
  /** Visible text, whitespace-normalised; '' for a post with no text (still recorded, never invented). */
  text: string;
  /** ISO 8601 time, only when the page gives a machine-readable one. */
  postedAt?: string;
  permalink?: string;
  sponsored: boolean;
  /** Set when the post is a repost/boost/retweet; `originalAuthor` wrote the text. */
  repost?: { by?: PostAuthor; originalAuthor?: PostAuthor };
  /** The site cut the text behind "see more"; we never click it. */
  truncated: boolean;
}

export type AudienceKind = 'feed' | 'page' | 'group' | 'profile' | 'hashtag' | 'search' | 'list';

/** The audience a post is filed under: the view it was seen in. */
export interface AudienceRef {
  /** Stable key, e.g. "linkedin:feed", "facebook:group:ccimontpellier", "x:hashtag:rscci". */
  key: string;
  kind: AudienceKind;
  /** Shown to users: "LinkedIn · Feed", "Facebook · Groupe CCI Montpellier", "X · #rsCCI". */
  label: string;
}

/**
 * One platform's knowledge of its pages. Pure functions of the DOM they are given, so that unit tests
 * run them on saved fixtures under happy-dom and the content script on the live page.
 */
export interface PlatformAdapter {
  id: PlatformId;
  /** True when this URL shows posts worth reading (feeds, pages, groups, profiles, hashtags…). */
  isFeedUrl(url: URL): boolean;
  /** The audience of the view at this URL, named from the URL and the page. */
  audienceFor(url: URL, doc: Document): AudienceRef;
  /** Post containers under `root`, outermost first, in document order; never comments. */
  findPosts(root: ParentNode): Element[];
  /** Reads one container; null when it is not a post (a placeholder, a comment, an empty shell). */
  readPost(container: Element): ExtractedPost | null;
}
