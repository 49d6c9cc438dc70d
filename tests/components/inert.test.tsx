// @vitest-environment happy-dom
// Catches post texts, author names, cues and audience labels (from the sites or the store) that the
// popup or the options page would turn into elements, handlers or links instead of showing them as
// typed: HTML, <script>, javascript: links, SVG handlers, iframes; entities decoded; bidi controls lost.
// Each component is rendered twice, with hostile strings and with plain ones: the element trees must
// be the same (nothing was built from the data), and the hostile strings must be on screen verbatim.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AudienceSettings } from '@/components/AudienceSettings';
import { AudienceTable } from '@/components/AudienceTable';
import { MastodonServers } from '@/components/MastodonServers';
import { STRINGS } from '@/components/i18n';
import { AudienceFigures, FigureDescriptions } from '@/components/figures/AudienceFigures';
import { CompareAudiences } from '@/components/figures/CompareAudiences';
import { ReviewPanel } from '@/components/figures/ReviewPanel';
import { FIGURE_STRINGS } from '@/components/figures/strings';
import { buildAggregates } from '@/utils/storage/aggregates';
import { computeSummary, countsOfSummary, type SummaryReply } from '@/utils/summary/summary';
import { syntheticRecords } from '@/utils/summary/synthetic';
import type { ReviewPost } from '@/utils/summary/messages';
import type { AudienceDefinitions } from '@/utils/storage/audienceDefinitions';
import type { sendMessage } from '@/utils/messaging';
import modelMeta from '@/models/properso.json';

/** What a site (or a damaged store) could put in a post, an author's name or a page's title. */
const HOSTILE = [
  '<img src=x onerror="window.__pwned=1">',
  '<script>window.__pwned=1</script>',
  '<a href="javascript:window.__pwned=1">clic</a>',
  '<svg onload="window.__pwned=1"><circle r="9"/></svg>',
  '<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>',
  '&lt;b&gt;gras&lt;/b&gt; &amp;amp; &#60;i&#62; &quot;',
  '\u202Egnp.exe\u202C \u2066isolé\u2069 \u200Fmark',
  '{a} {b} {label} $& $1 $$',
] as const;
/** The plain twin of each hostile string (same position, nothing to interpret). */
const PLAIN = HOSTILE.map((_, i) => `Plain text number ${i}`);

type Words = readonly string[];
const MODEL = `${modelMeta.id}@${modelMeta.version}`;
const pwned = () => (window as unknown as { __pwned?: unknown }).__pwned;

let roots: HTMLElement[] = [];
afterEach(() => {
  for (const root of roots) {
    render(null, root);
    root.remove();
  }
  roots = [];
  fakeBrowser.reset();
});

function mount(node: preact.ComponentChild): HTMLElement {
  const root = document.createElement('div');
  document.body.append(root);
  roots.push(root);
  void act(() => render(node, root));
  return root;
}
const flush = () => act(async () => void (await new Promise((resolve) => setTimeout(resolve, 0))));

/** Tag names in document order: equal for the hostile and the plain render when no element came from data. */
const shape = (root: Element) => [...root.querySelectorAll('*')].map((el) => el.tagName.toLowerCase());

/** No element a string could have smuggled in, no handler attribute, no script URL, nothing run. */
function expectNothingInterpreted(root: Element): void {
  expect([...root.querySelectorAll('script, img, iframe, object, embed, frame, [srcdoc]')].map((el) => el.outerHTML)).toEqual([]);
  const suspicious = [...root.querySelectorAll('*')].flatMap((el) =>
    [...el.attributes]
      .filter((a) => /^on/i.test(a.name) || (/^(href|src|xlink:href|action|formaction)$/i.test(a.name) && /^\s*javascript:/i.test(a.value)))
      .map((a) => `<${el.tagName.toLowerCase()} ${a.name}="${a.value}">`),
  );
  expect(suspicious).toEqual([]);
  expect(pwned()).toBeUndefined();
}

/** Two audiences per label pair, keys hostile too (they go into attributes and option values). */
function summaryWith(words: Words): SummaryReply {
  const audiences = [0, 1].map((i) => ({ key: `linkedin:page:${words[i]}`, kind: 'page' as const, label: `LinkedIn · ${words[i]}` }));
  // A professional feed and a personal group: far enough apart for the comparison to say so in words.
  const records = syntheticRecords(360, { model: MODEL, audiences: 3 })
    .filter((r) => r.lang !== 'other' && r.audience.key !== 'linkedin:group:cci')
    .map((r) => ({ ...r, audience: r.audience.key === 'linkedin:feed' ? audiences[0]! : audiences[1]! }));
  return { ...computeSummary({ rows: buildAggregates(records, 'UTC').rows, humanLabels: [], modelMeta, timeZone: 'UTC' }), computedMs: 1 };
}

/** The audience labels in the order the summary (and so every list) gives them. */
const labelsOf = (words: Words) => summaryWith(words).audiences.map((a) => a.audience.label);

function reviewPosts(words: Words): ReviewPost[] {
  return words.map((word, i) => ({
    platform: 'linkedin',
    id: String(i),
    author: `Claire ${word}`,
    text: `Nous recrutons ${word} à Lyon`,
    seenAt: i,
    permalink: null,
    label: i % 2 ? 'personal' : 'professional',
    pProfessional: i % 2 ? 0.2 : 0.8,
    uncertain: false,
    lang: 'fr',
    cues: { professional: [{ feature: word, weight: 0.9 }], personal: [{ feature: `famille ${word}`, weight: -0.5 }] },
    humanLabel: null,
  }));
}

describe('popup: data shown as text, never as markup', () => {
  it('audience table: labels verbatim, no element made from them', () => {
    const hostile = mount(<AudienceTable counts={countsOfSummary(summaryWith(HOSTILE))} strings={STRINGS.en} language="en" />);
    const plain = mount(<AudienceTable counts={countsOfSummary(summaryWith(PLAIN))} strings={STRINGS.en} language="en" />);
    expect(shape(hostile)).toEqual(shape(plain));
    expect([...hostile.querySelectorAll('tbody th')].map((th) => th.textContent).sort()).toEqual([`LinkedIn · ${HOSTILE[0]}`, `LinkedIn · ${HOSTILE[1]}`].sort());
    expect([...hostile.querySelectorAll('tbody tr')].map((tr) => tr.getAttribute('data-audience')).sort()).toEqual([`linkedin:page:${HOSTILE[0]}`, `linkedin:page:${HOSTILE[1]}`].sort());
    expectNothingInterpreted(hostile);
  });

  it('audience cards and the comparison: labels verbatim in headings, options, sentence and SVG label', () => {
    for (const [a, b] of [[0, 1], [2, 3], [4, 5], [6, 7]] as const) {
      const words = [HOSTILE[a], HOSTILE[b]];
      const hostile = mount(<><FigureDescriptions strings={FIGURE_STRINGS.en} /><AudienceFigures summary={summaryWith(words)} strings={FIGURE_STRINGS.en} language="en" /><CompareAudiences summary={summaryWith(words)} strings={FIGURE_STRINGS.en} language="en" /></>);
      const plain = mount(<><FigureDescriptions strings={FIGURE_STRINGS.en} /><AudienceFigures summary={summaryWith(PLAIN)} strings={FIGURE_STRINGS.en} language="en" /><CompareAudiences summary={summaryWith(PLAIN)} strings={FIGURE_STRINGS.en} language="en" /></>);
      expect(shape(hostile)).toEqual(shape(plain));
      const labels = labelsOf(words);
      expect(labels.slice().sort()).toEqual(words.map((w) => `LinkedIn · ${w}`).sort());
      expect([...hostile.querySelectorAll('.audience-card h3')].map((h) => h.textContent)).toEqual(labels);
      expect([...hostile.querySelectorAll('#compare-a option')].map((o) => o.textContent)).toEqual(labels);
      // The comparison sentence fills the labels into a template: "{a}", "$&" in a label stay as typed.
      const sentence = hostile.querySelector('.words')?.textContent ?? '';
      expect(sentence).toMatch(/professional/);
      expect(sentence).toContain(labels[0]);
      expect(sentence).toContain(labels[1]);
      expect(hostile.querySelector('svg.diff-bar')?.getAttribute('aria-label')).toBe(sentence);
      // Each label in its own <bdi>: a right-to-left override in one cannot reverse the sentence.
      expect([...hostile.querySelectorAll('.words bdi')].map((el) => el.textContent).sort()).toEqual(labels.slice().sort());
      expectNothingInterpreted(hostile);
    }
  });

  it('review list: post text, author and cues verbatim, with the audience picker', async () => {
    const answer = (words: Words) => (message: unknown) =>
      Promise.resolve((message as { type: string }).type === 'getReviewPosts' ? reviewPosts(words) : { ok: true });
    const load = async (words: Words) => {
      fakeBrowser.reset();
      fakeBrowser.runtime.onMessage.addListener(answer(words));
      const root = mount(<ReviewPanel summary={summaryWith(words)} strings={FIGURE_STRINGS.en} language="en" onLabelled={() => undefined} />);
      root.querySelector<HTMLButtonElement>('.field button')!.click();
      await until(() => root.querySelectorAll('.review-post').length === words.length);
      return root;
    };
    const hostile = await load(HOSTILE);
    const plain = await load(PLAIN);
    expect(shape(hostile)).toEqual(shape(plain));
    const posts = [...hostile.querySelectorAll('.review-post')];
    HOSTILE.forEach((word, i) => {
      expect(posts[i]!.querySelector('.post-text')?.textContent).toBe(`Claire ${word}: Nous recrutons ${word} à Lyon`);
      expect(posts[i]!.querySelector('.post-text strong')?.textContent).toBe(`Claire ${word}: `);
      // Author and text isolated from each other (<bdi>): the author's U+202E cannot reverse the post.
      expect([...posts[i]!.querySelectorAll('.post-text bdi')].map((el) => el.textContent)).toEqual([`Claire ${word}`, `Nous recrutons ${word} à Lyon`]);
      expect(posts[i]!.querySelector('.cue-pro')?.textContent).toContain(word.trim());
      expect(posts[i]!.getAttribute('data-post')).toBe(String(i));
    });
    expect([...hostile.querySelectorAll('#review-audience option')].map((o) => o.textContent)).toEqual(labelsOf(HOSTILE));
    expectNothingInterpreted(hostile);
  });
});

describe('options page: data shown as text, never as markup', () => {
  function send(words: Words): typeof sendMessage {
    const definitions: AudienceDefinitions = {
      renames: { [`linkedin:page:${words[1]}`]: `Renamed ${words[2]}` },
      merges: {},
      authorAudiences: [{ key: 'authors:list', label: `List ${words[3]}`, authors: [{ platform: 'linkedin', handle: 'claire' }] }],
    };
    const counts = countsOfSummary(summaryWith(words));
    return (async (message: { type: string }) => {
      if (message.type === 'getCounts') return counts;
      if (message.type === 'getAudienceDefinitions') return definitions;
      if (message.type === 'getMastodonServers') return { servers: [] };
      return definitions;
    }) as unknown as typeof sendMessage;
  }

  it('audience editor: labels, renames and list names verbatim, in text and in attributes', async () => {
    const hostile = mount(<AudienceSettings strings={STRINGS.en} send={send(HOSTILE)} />);
    const plain = mount(<AudienceSettings strings={STRINGS.en} send={send(PLAIN)} />);
    await flush();
    expect(shape(hostile)).toEqual(shape(plain));
    const labels = labelsOf(HOSTILE);
    // HOSTILE[1]'s audience is renamed to "Renamed HOSTILE[2]".
    const renamed = labels.map((l) => (l === `LinkedIn · ${HOSTILE[1]}` ? `Renamed ${HOSTILE[2]}` : ''));
    expect([...hostile.querySelectorAll('tbody th')].map((th) => th.textContent)).toEqual(labels);
    const inputs = [...hostile.querySelectorAll<HTMLInputElement>('tbody input')];
    expect(inputs.map((i) => i.getAttribute('placeholder'))).toEqual(labels);
    expect(inputs.map((i) => i.getAttribute('aria-label'))).toEqual(labels.map((l) => `${STRINGS.en.audienceName}: ${l}`));
    expect(inputs.map((i) => i.value)).toEqual(renamed);
    // Each row's "count under" menu names the other audience, by its new name when renamed.
    expect([...hostile.querySelectorAll('tbody select')].map((s) => [...s.querySelectorAll('option')].at(-1)?.textContent)).toEqual([renamed[1] || labels[1], renamed[0] || labels[0]]);
    expect(hostile.querySelector<HTMLInputElement>('form[data-list="authors:list"] input[name="label"]')?.value).toBe(`List ${HOSTILE[3]}`);
    expectNothingInterpreted(hostile);
  });

  it('author lists and Mastodon servers: what the user typed comes back in errors as text', async () => {
    const root = mount(<><AudienceSettings strings={STRINGS.en} send={send(PLAIN)} /><MastodonServers strings={STRINGS.en} send={send(PLAIN)} requestAccess={async () => false} /></>);
    await flush();
    const typed = HOSTILE.slice(0, 5).join('\n');
    const textarea = root.querySelector<HTMLTextAreaElement>('form[data-list="new"] textarea')!;
    textarea.value = typed;
    textarea.dispatchEvent(new Event('input', { bubbles: true }));
    await flush();
    root.querySelector<HTMLFormElement>('form[data-list="new"]')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await flush();
    const listError = root.querySelector('section[aria-labelledby="audiences"] [role="alert"]')?.textContent ?? '';
    for (const line of HOSTILE.slice(0, 5)) expect(listError).toContain(line);

    const server = root.querySelector<HTMLInputElement>('input[name="server"]')!;
    server.value = HOSTILE[0];
    server.dispatchEvent(new Event('input', { bubbles: true }));
    await flush();
    root.querySelector<HTMLFormElement>('section[aria-labelledby="mastodon-servers"] form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await flush();
    expect(root.querySelector('section[aria-labelledby="mastodon-servers"] [role="alert"]')?.textContent).toBe(`${STRINGS.en.invalidServer} ${HOSTILE[0]}`);
    expectNothingInterpreted(root);
  });
});

/** Polls a condition, letting Preact apply state updates between tries. */
async function until(done: () => boolean, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await flush();
  }
}
