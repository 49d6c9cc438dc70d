/**
 * Invented, anonymised posts for the real-browser tests, in French and English, rendered into pages
 * that mirror LinkedIn's 2026 markup (docs: /work/shared/FEEDS.md): a `[data-testid="mainFeed"]` list of
 * `[role="listitem"]` posts, text in `[data-testid="expandable-text-box"]`, the author named by the
 * control-menu button. Names, companies and events are made up.
 */
export interface E2ePost {
  author: string;
  slug: string;
  kind: 'in' | 'company';
  text: string;
  promoted?: boolean;
}

export const FEED_POSTS: E2ePost[] = [
  { author: 'Claire Dumont', slug: 'claire-dumont-e2e', kind: 'in', text: 'Nous recrutons un développeur full-stack pour notre équipe à Lyon. CDI, télétravail partiel, candidatures ouvertes jusqu’au 15 janvier.' },
  { author: 'Tom Baker', slug: 'tom-baker-e2e', kind: 'in', text: 'So proud of my daughter who graduated today! Family dinner tonight, we are all so happy for her.' },
  { author: 'Atelier Nordique', slug: 'atelier-nordique-e2e', kind: 'company', text: 'Our Q3 results are in: revenue up 18% and three new enterprise clients. Thank you to the whole sales team for this quarter.' },
  { author: 'Julie Marchand', slug: 'julie-marchand-e2e', kind: 'in', text: 'Week-end à la montagne avec les enfants, raclette et balade dans la neige. Vivement les vacances de février !' },
  { author: 'Marc Lefèvre', slug: 'marc-lefevre-e2e', kind: 'in', text: 'Je serai au salon VivaTech la semaine prochaine pour présenter notre nouvelle offre SaaS aux DSI. Passez nous voir au stand B12.' },
  { author: 'Sarah Green', slug: 'sarah-green-e2e', kind: 'in', text: 'Five lessons I learned about managing remote engineering teams: write things down, over-communicate, and protect focus time.' },
  { author: 'Lucas Bernard', slug: 'lucas-bernard-e2e', kind: 'in', text: 'Mon chat a encore renversé mon café ce matin 😅 bon lundi à tous' },
  { author: 'Promo Cloud', slug: 'promo-cloud-e2e', kind: 'company', text: 'Try our cloud platform free for 30 days.', promoted: true },
];

export const COMPANY_POSTS: E2ePost[] = [
  { author: 'Atelier Nordique', slug: 'atelier-nordique-e2e', kind: 'company', text: 'Atelier Nordique ouvre un nouveau site de production à Nantes et recrute 40 techniciens et techniciennes en 2027.' },
  { author: 'Atelier Nordique', slug: 'atelier-nordique-e2e', kind: 'company', text: 'Join our webinar on sustainable supply chains next Thursday: our procurement director shares the results of our supplier audit.' },
];

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function renderPost(post: E2ePost): string {
  const href = `https://www.linkedin.com/${post.kind}/${post.slug}/`;
  return `
    <div role="listitem" class="x1a2b3c" style="min-height:260px;margin:0 0 24px;padding:16px;border:1px solid #ddd;background:#fff">
      <div class="q9w8e7">
        ${post.promoted ? '<p class="z5y4">Promoted</p>' : ''}
        <a href="${href}" class="k3j2">${escapeHtml(post.author)}</a>
        <button aria-label="Open control menu for post by ${escapeHtml(post.author)}">…</button>
      </div>
      <p data-testid="expandable-text-box" class="p0o9">${escapeHtml(post.text)}</p>
      <div class="r7t6"><button>Like</button><button>Comment</button><button>Repost</button></div>
    </div>`;
}

export function renderLinkedInPage(title: string, heading: string | null, posts: readonly E2ePost[]): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>
<body style="margin:0;background:#f4f2ee;font:16px sans-serif">
  <main style="width:600px;margin:0 auto;padding-bottom:1200px">
    ${heading ? `<h1>${escapeHtml(heading)}</h1>` : ''}
    <div data-testid="mainFeed">${posts.map(renderPost).join('\n')}</div>
  </main>
</body></html>`;
}

export const FEED_URL = 'https://www.linkedin.com/feed/';
export const COMPANY_URL = 'https://www.linkedin.com/company/atelier-nordique-e2e/posts/';
