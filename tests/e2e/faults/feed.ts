/**
 * Invented LinkedIn company pages for the fault tests: every post has a known activity urn (its id) and
 * a text of its own, so a test knows exactly which posts a tab showed and can check that each one is
 * stored once. Posts are short (about 90 px) so that a 1280 × 800 window shows several at a time and a
 * page is read in two or three scroll steps (each step waits out the 500 ms visibility rule once for
 * every post in view). People, companies, places and events are made up.
 */
import type { SavedPage } from '../../../scripts/browser/servePages';

export interface FaultPost {
  /** `urn:li:activity:<id>`: what the LinkedIn adapter reads as the post's id. */
  id: string;
  author: string;
  slug: string;
  text: string;
}

export interface FaultPage extends SavedPage {
  /** The audience key the posts of this page are filed under. */
  audienceKey: string;
  posts: FaultPost[];
}

const PEOPLE = ['Inès Morel', 'Paul Girard', 'Nadia Roussel', 'Owen Clarke', 'Léa Fontaine', 'Hugo Perrin', 'Emma Walsh', 'Karim Benali'];
const PRO = [
  (n: number, city: string) => `Nous recrutons ${n} ingénieurs data à ${city} : CDI, télétravail deux jours par semaine, entretiens dès lundi.`,
  (n: number, city: string) => `Our ${city} plant shipped order number ${n} this morning; thank you to the logistics team for the new routing process.`,
  (n: number, city: string) => `Webinaire n°${n} jeudi : notre directrice des achats présente l'audit fournisseurs de l'usine de ${city}.`,
  (n: number, city: string) => `Quarterly update ${n}: the ${city} office signed two enterprise contracts and opens a customer success role.`,
];
const PERSO = [
  (n: number, city: string) => `Balade numéro ${n} autour de ${city} avec les enfants ce dimanche, pique-nique et glaces au retour.`,
  (n: number, city: string) => `My cat knocked over coffee cup number ${n} this morning in ${city}. Happy Monday everyone!`,
  (n: number, city: string) => `Anniversaire de mamie à ${city} : ${n} bougies, un gâteau au chocolat et toute la famille réunie.`,
  (n: number, city: string) => `Ran ${n} kilometres along the river in ${city} today, legs tired but the sunrise was worth it.`,
];
const CITIES = ['Rennes', 'Lille', 'Dijon', 'Brest', 'Annecy', 'Leeds', 'Cork', 'Tours'];

/** The `n`-th invented post (n ≥ 1): a stable urn, author and text, professional and personal in turn. */
export function faultPost(n: number): FaultPost {
  const templates = n % 2 === 0 ? PRO : PERSO;
  const template = templates[Math.floor(n / 2) % templates.length] as (n: number, city: string) => string;
  const author = PEOPLE[n % PEOPLE.length] as string;
  // The adapter reads the activity id's first 41 bits as the posting time: 15 January 2026 plus n seconds.
  const activity = ((BigInt(Date.UTC(2026, 0, 15)) + BigInt(n) * 1000n) << 22n) + BigInt(n);
  return {
    id: `urn:li:activity:${activity}`,
    author,
    slug: `${author.toLowerCase().normalize('NFD').replace(/[^a-z ]/g, '').replace(/ /g, '-')}-fault`,
    text: template(n, CITIES[(n * 3) % CITIES.length] as string),
  };
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function renderPost(post: FaultPost): string {
  return `<div role="listitem" data-urn="${post.id}" style="margin:0 0 8px;padding:8px 12px;border:1px solid #ddd;background:#fff">
  <a href="https://www.linkedin.com/in/${post.slug}/">${escapeHtml(post.author)}</a>
  <button aria-label="Open control menu for post by ${escapeHtml(post.author)}">…</button>
  <p data-testid="expandable-text-box" style="margin:4px 0 0">${escapeHtml(post.text)}</p>
</div>`;
}

/**
 * A company page (`/company/<slug>/posts/`, one audience per page) listing `posts` in order; the blank
 * space below the last post lets it scroll fully into view.
 */
export function faultCompanyPage(slug: string, name: string, posts: readonly FaultPost[]): FaultPage {
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(name)} | LinkedIn</title></head>
<body style="margin:0;background:#f4f2ee;font:15px/1.3 sans-serif">
  <main style="width:640px;margin:0 auto;padding-bottom:600px">
    <h1 style="margin:8px 0;font-size:20px">${escapeHtml(name)}</h1>
    <div data-testid="mainFeed">${posts.map(renderPost).join('\n')}</div>
  </main>
</body></html>`;
  return {
    url: `https://www.linkedin.com/company/${slug}/posts/`,
    html,
    audienceKey: `linkedin:page:${slug}`,
    posts: [...posts],
  };
}

/** `count` company pages of `perPage` posts; posts numbered from `first`. */
export function faultPages(options: { prefix: string; count: number; perPage: number; first?: number }): FaultPage[] {
  const first = options.first ?? 1;
  return Array.from({ length: options.count }, (_, page) => {
    const posts = Array.from({ length: options.perPage }, (_, i) => faultPost(first + page * options.perPage + i));
    return faultCompanyPage(`${options.prefix}-${page + 1}`, `Fault test ${options.prefix} ${page + 1}`, posts);
  });
}
