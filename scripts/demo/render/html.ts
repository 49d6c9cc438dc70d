/** Small helpers shared by the demo page templates: escaping, line breaks, stable fake ids and times. */

export function esc(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** Text with "\n" as <br> (and "\n\n" as <br><br>), escaped. */
export function withBreaks(text: string): string {
  return esc(text).replace(/\n/g, '<br>');
}

/** One element per paragraph ("\n\n"), lines inside it joined by <br>. */
export function paragraphs(text: string, open: string, close: string): string {
  return text
    .split(/\n{2,}/)
    .map((p) => `${open}${withBreaks(p)}${close}`)
    .join('');
}

/** 32-bit FNV-1a: stable per input, so a post keeps its ids and links from one run to the next. */
function hash32(input: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < input.length; i++) {
    h ^= input.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** A stable code of `length` characters from `alphabet` (Instagram /p/ codes, Bluesky rkeys…). */
export function stableCode(seed: string, length: number, alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789'): string {
  let out = '';
  let h = hash32(seed);
  while (out.length < length) {
    out += alphabet[h % alphabet.length];
    h = hash32(`${seed}:${out.length}:${h}`);
  }
  return out;
}

/** A stable numeric id of `digits` digits (tweet ids, Mastodon status ids). */
export function stableNumber(seed: string, digits: number, first = '1'): string {
  return first + stableCode(seed, digits - first.length, '0123456789');
}

/** The demo's clock: posts are a few minutes to a few days old on Monday 7 September 2026. */
const DEMO_NOW = Date.parse('2026-09-07T16:00:00Z');

export function postedAt(index: number): string {
  return new Date(DEMO_NOW - (index * 47 + 12) * 60_000).toISOString();
}

/** "12 min", "3h", "2d" (English) or "12 min", "3 h", "2 j" (French), as the sites print them. */
export function relativeTime(index: number, lang: 'fr' | 'en', compact = true): string {
  const minutes = index * 47 + 12;
  const sep = compact && lang === 'en' ? '' : ' ';
  if (minutes < 60) return `${minutes} min`;
  if (minutes < 24 * 60) return `${Math.floor(minutes / 60)}${sep}h`;
  return `${Math.floor(minutes / (24 * 60))}${sep}${lang === 'fr' ? 'j' : 'd'}`;
}

/** A complete page: doctype, language, title, the site's look and the body markup. */
export function htmlPage(options: { lang: string; title: string; css: string; body: string; htmlAttrs?: string }): string {
  return `<!DOCTYPE html>
<!-- Properso demo page: invented people and organisations, markup mirroring the live site. -->
<html lang="${options.lang}" dir="ltr"${options.htmlAttrs ? ` ${options.htmlAttrs}` : ''}>
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(options.title)}</title>
<style>${options.css}</style></head>
<body>
${options.body}
</body>
</html>`;
}

/** An avatar: a coloured disc with initials (no image requests: the demo runs offline). */
export function avatar(name: string, size: number, round = true): string {
  const initials = name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => [...w][0]?.toUpperCase() ?? '')
    .join('');
  const hue = hash32(name) % 360;
  // The initials are drawn by CSS, not written as text: no adapter may mistake "AD" for an "Ad" label.
  return `<span class="dm-avatar" aria-hidden="true" data-initials="${esc(initials)}" style="width:${size}px;height:${size}px;border-radius:${round ? '50%' : '8px'};background:hsl(${hue} 45% 55%)"></span>`;
}

/** CSS every demo page shares (avatar discs, a neutral picture placeholder). */
export const COMMON_CSS = `
.dm-avatar{display:inline-flex;align-items:center;justify-content:center;color:#fff;font-weight:600;font-size:14px;flex:none}
.dm-avatar::after{content:attr(data-initials)}
.dm-picture{display:block;width:100%;aspect-ratio:4/3;background:linear-gradient(135deg,#d9dee8,#b7c1d3)}
`;
