/**
 * Post ids for pages that show none. Facebook fills permalinks only on hover and LinkedIn's 2026 feed
 * carries no activity urn, yet X and Facebook recycle elements as you scroll: a post must be keyed by
 * what it says, not by the element that shows it. The hash is synchronous (readPost runs inside a
 * MutationObserver callback) and deterministic across browsers and runs, so stored records keep their ids.
 */

const FNV64_OFFSET = 0xcbf29ce484222325n;
const FNV64_PRIME = 0x100000001b3n;
const MASK64 = 0xffffffffffffffffn;

const utf8 = new TextEncoder();

/** FNV-1a, 64 bits, over the UTF-8 bytes of `input`; 16 lower-case hex digits. */
export function fnv1a64Hex(input: string): string {
  let hash = FNV64_OFFSET;
  for (const byte of utf8.encode(input)) {
    hash ^= BigInt(byte);
    hash = (hash * FNV64_PRIME) & MASK64;
  }
  return hash.toString(16).padStart(16, '0');
}

/**
 * `h:` + hash of author and text, for posts whose page shows no id. `authorKey` is the handle when the
 * page shows one, else the display name; the NUL separator keeps ("ab", "c") and ("a", "bc") apart.
 */
export function hashedPostId(authorKey: string, text: string): string {
  return `h:${fnv1a64Hex(`${authorKey.trim().toLowerCase()}\u0000${text}`)}`;
}
