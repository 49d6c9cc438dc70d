/**
 * An invented LinkedIn company page whose posts, authors and page title *show* HTML as text, the way a
 * site shows what its users typed: the markup carries `&lt;img src=x onerror=…&gt;`, the reader reads
 * `<img src=x onerror=…>`. Every payload sets `window.__pwned` if it ever runs, wherever it runs. One
 * post starts with `=` (a spreadsheet formula) for the CSV export. Four posts: the real-browser check
 * of tests/e2e/inert.ts stays short.
 */
import { renderLinkedInPage, type E2ePost } from './posts';

export const INERT_URL = 'https://www.linkedin.com/company/inert-e2e/posts/';
export const INERT_AUDIENCE_KEY = 'linkedin:page:inert-e2e';

/** The page title (the audience's name): read as text, "LinkedIn · " in front. */
export const INERT_HEADING = 'Atelier <img src=x onerror=window.__pwned=1> & <b>Inerte</b>';

export const INERT_POSTS: E2ePost[] = [
  {
    author: 'Claire <img src=x onerror=window.__pwned=1>',
    slug: 'claire-inert-e2e',
    kind: 'in',
    text: 'Nous recrutons <img src=x onerror=window.__pwned=1> un développeur full-stack à Lyon, CDI, candidatures ouvertes jusqu’au 15 janvier.',
  },
  {
    author: 'Tom <script>window.__pwned=1</script>',
    slug: 'tom-inert-e2e',
    kind: 'in',
    text: '<script>window.__pwned=1</script> So proud of my daughter who graduated today! Family dinner tonight, we are all so happy.',
  },
  {
    author: 'Marc Lefèvre',
    slug: 'marc-inert-e2e',
    kind: 'in',
    text: '=HYPERLINK("https://evil.invalid","<a href=javascript:window.__pwned=1>clic</a>") Je serai au salon VivaTech pour présenter notre offre SaaS aux DSI.',
  },
  {
    author: 'Julie &amp; Co',
    slug: 'julie-inert-e2e',
    kind: 'in',
    text: '<svg onload=window.__pwned=1></svg> &lt;b&gt;Week-end&lt;/b&gt; à la montagne \u202Eavec les enfants\u202C, raclette et balade dans la neige.',
  },
];

export const INERT_PAGE = { url: INERT_URL, html: renderLinkedInPage('Inert | LinkedIn', INERT_HEADING, INERT_POSTS) };
