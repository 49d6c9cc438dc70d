/**
 * Words the sites print, in English and French (the languages of our users), that mark an ad or a
 * truncated post. Sites obfuscate "Sponsored" (Facebook) and localise everything, so adapters try
 * markup first (placementTracking, shreddit-ad-post, /ads/about/ links) and these labels second.
 */

const SPONSORED_LABEL =
  /^(?:sponsored|sponsoris[ée]e?|promoted|promu|publicit[ée]|ad|annonce|paid partnership|partenariat r[ée]mun[ée]r[ée])(?:\s+(?:by|par|with|avec)(?:\s+.+)?)?$/i;

const SEE_MORE_LABEL =
  /^(?:…|\.\.\.)?\s*(?:see more|show more|read more|more|voir plus|en voir plus|afficher plus|afficher la suite|lire la suite|plus)\s*(?:…)?$/i;

/** "Sponsored", "Promoted by Acme", "Sponsorisé", "Ad", "Paid partnership with Acme"… */
export function isSponsoredLabel(text: string): boolean {
  return SPONSORED_LABEL.test(text.trim());
}

/** "…see more", "… plus", "Show more", "Lire la suite"… */
export function isSeeMoreLabel(text: string): boolean {
  return SEE_MORE_LABEL.test(text.replace(/\s+/g, ' ').trim());
}

/** A box the site cuts with CSS (`-webkit-line-clamp` in its inline style, or a line-clamp attribute). */
export function isLineClamped(el: Element | null | undefined): boolean {
  if (!el) return false;
  const style = el.getAttribute('style') ?? '';
  return /line-clamp\s*:\s*\d/i.test(style) || el.hasAttribute('data-line-clamp');
}
