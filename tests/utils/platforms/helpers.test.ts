// @vitest-environment happy-dom
// Pins the shared helpers every adapter relies on: the id hash must never change (stored records keep
// their ids), times decode only from machine-readable sources, and visible text keeps line breaks the
// way a browser draws them.
import { describe, expect, it } from 'vitest';
import { fnv1a64Hex, hashedPostId } from '../../../utils/platforms/postIdentity';
import { normalizeText, visibleText } from '../../../utils/platforms/text';
import { isoFromAtprotoTid, isoFromDatetime, isoFromEpochMs, isoFromLinkedInActivityId } from '../../../utils/platforms/time';
import { isSeeMoreLabel, isSponsoredLabel } from '../../../utils/platforms/labels';

function el(html: string): Element {
  const doc = new DOMParser().parseFromString(`<div id="root">${html}</div>`, 'text/html');
  return doc.getElementById('root')!;
}

describe('postIdentity', () => {
  it('computes FNV-1a 64 over UTF-8 (reference vectors)', () => {
    expect(fnv1a64Hex('')).toBe('cbf29ce484222325');
    expect(fnv1a64Hex('a')).toBe('af63dc4c8601ec8c');
    expect(fnv1a64Hex('foobar')).toBe('85944171f73967e8');
  });

  it('keys on author and text, case-insensitive on the author only', () => {
    expect(hashedPostId('Acme', 'Bonjour')).toBe(hashedPostId('acme', 'Bonjour'));
    expect(hashedPostId('acme', 'Bonjour')).not.toBe(hashedPostId('acme', 'bonjour'));
    expect(hashedPostId('ab', 'c')).not.toBe(hashedPostId('a', 'bc'));
    expect(hashedPostId('acme', 'é 🚀')).toMatch(/^h:[0-9a-f]{16}$/);
  });
});

describe('time', () => {
  it('reads ISO and Reddit datetimes, rejects relative text', () => {
    expect(isoFromDatetime('2026-01-12T08:15:00.123000+0000')).toBe('2026-01-12T08:15:00.123Z');
    expect(isoFromDatetime('2026-01-12T09:15:00+01:00')).toBe('2026-01-12T08:15:00.000Z');
    expect(isoFromDatetime('3h')).toBeUndefined();
    expect(isoFromEpochMs('1768205700000')).toBe('2026-01-12T08:15:00.000Z');
    expect(isoFromEpochMs('12')).toBeUndefined();
  });

  it('decodes LinkedIn activity ids and AT Protocol TIDs', () => {
    expect(isoFromLinkedInActivityId('7416392240336582341')).toBe('2026-01-12T08:15:00.000Z');
    expect(isoFromLinkedInActivityId('123')).toBeUndefined();
    expect(isoFromAtprotoTid('3mc7lweauc22b')).toBe('2026-01-12T08:15:00.000Z');
    expect(isoFromAtprotoTid('self')).toBeUndefined();
  });
});

describe('visibleText', () => {
  it('keeps line breaks from <br>, blocks and paragraphs, once each', () => {
    expect(visibleText(el('<div>a</div><div>b<br></div><div><div>c</div></div>'))).toBe('a\nb\nc');
    expect(visibleText(el('<p>a</p><p>b</p>'))).toBe('a\n\nb');
    expect(visibleText(el('a<br><br>b'))).toBe('a\n\nb');
  });

  it('puts emoji images back, drops buttons, hidden and screen-reader-only copies', () => {
    expect(
      visibleText(el('Go <img alt="🚀" src="x.svg"> <img alt="Photo of a team"><span class="visually-hidden">hidden</span><button>…see more</button><span style="display: none">x</span>')),
    ).toBe('Go 🚀');
  });

  it('keeps "\\n" of pre-wrap text only when asked', () => {
    expect(visibleText(el('a\nb'), { preWrap: true })).toBe('a\nb');
    expect(visibleText(el('a\nb'))).toBe('a b');
    expect(normalizeText('  a \u00a0 b  \n\n\n\n c ')).toBe('a b\n\nc');
  });
});

describe('labels', () => {
  it('knows ad and see-more labels in English and French', () => {
    for (const label of ['Sponsored', 'Sponsorisé', 'Promoted by Acme SAS', 'Ad', 'Paid partnership with']) {
      expect(isSponsoredLabel(label)).toBe(true);
    }
    expect(isSponsoredLabel('Suggested')).toBe(false);
    for (const label of ['…see more', '… plus', 'See more', 'En voir plus', 'Show More', 'Read more']) {
      expect(isSeeMoreLabel(label)).toBe(true);
    }
    expect(isSeeMoreLabel('More options')).toBe(false);
  });
});
