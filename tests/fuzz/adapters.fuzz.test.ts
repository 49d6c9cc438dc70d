// @vitest-environment happy-dom
/// <reference types="vite/client" />
/**
 * Bad input: every platform adapter is run on 750 mutated copies of its three saved pages (250 each)
 * (tests/fixtures/<platform>/), reproducibly: a seeded PRNG (FUZZ_SEED changes the seed, FUZZ_PAGES the
 * pages per saved page; the count is printed). Each mutated page is the saved page edited in place and
 * put back exactly afterwards. The edits, by family:
 * - inside one post: nodes removed, wrapped, unwrapped, reordered or duplicated, attributes emptied or
 *   removed, odd text typed into a text node, <script>/<style>/<template> or payload elements inserted;
 * - the author's text: odd Unicode (RTL and bidi marks, zero-width joiners, lone surrogates, combining
 *   marks, NUL and control characters, emoji ZWJ sequences, flags, skin tones) and HTML or <script>
 *   typed into the post's own text;
 * - a comment or label (the expected file's `notRead` texts) edited;
 * - a whole post duplicated (virtualised lists re-render);
 * - the post's own text blanked or its text box removed, comments left alone;
 * - the same edits as inside a post, anywhere on the page;
 * and, in tests of their own, 1 MB of post text and odd URLs.
 *
 * What must hold on every mutated page:
 * - nothing throws out of findPosts, readPost or audienceFor; audiences stay well-formed;
 * - every post read has a non-empty id, its adapter's platform, and text no longer than its container's
 *   markup (nothing invented or multiplied), never the body of a <script>/<style>/<template>;
 * - no wrong post: a post's text never contains another post's text; a post the edits did not reach is
 *   still found and reads exactly as on the saved page, and no other content is read under its id; no
 *   post appears that the saved page does not hold, and a duplicated post reads as the original;
 * - comments are never posts: editing a comment or label changes no post and none of its words reach a
 *   post; a post whose own text is gone does not read a comment, label or quoted post instead;
 * - text the author typed is read as the literal characters, HTML included (never parsed or run).
 */
import { describe, expect, it } from 'vitest';
import { ADAPTERS } from '../../utils/platforms/registry';
import { hashedPostId } from '../../utils/platforms/postIdentity';
import type { AudienceKind, ExtractedPost, PlatformAdapter } from '../../utils/platforms/types';
import { parsePage, type ExpectedPage } from '../utils/platforms/fixtureHarness';
import {
  cloneWithAliases,
  isElement,
  isText,
  Journal,
  KEPT_PAYLOADS,
  nodesUnder,
  RESHAPED_PAYLOADS,
  Rng,
  SCRIPT_MARKER,
  seedOf,
  squash,
  Touches,
} from './mutations';
import { seededRandom } from '../../utils/random/seededRandom';

const SEED = Number(process.env.FUZZ_SEED ?? 20260114);
/** Mutated pages per saved page (three saved pages per platform). */
const PAGES_PER_FIXTURE = Number(process.env.FUZZ_PAGES ?? 250);
/** Posts whose text is at least this long count as "another post's text" when searched for. */
const DISTINCTIVE = 20;
const MAX_FAILURES = Number(process.env.FUZZ_MAX_FAILURES ?? 8);
const AUDIENCE_KINDS: readonly AudienceKind[] = ['feed', 'page', 'group', 'profile', 'hashtag', 'search', 'list'];

const HTML = import.meta.glob('../fixtures/*/*.html', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
const EXPECTED = import.meta.glob('../fixtures/*/*.expected.json', { import: 'default', eager: true }) as Record<
  string,
  ExpectedPage
>;

/** A saved page, parsed once, with what its posts read as and which of its text nodes matter. */
interface SavedPage {
  name: string;
  url: URL;
  doc: Document;
  expected: ExpectedPage;
  containers: Element[];
  posts: (ExtractedPost | null)[];
  /** Per container: text nodes whose characters are read into the post's text. */
  textNodes: Text[][];
  /** Text nodes holding a string the expected file lists under `notRead`, whose edits change no post. */
  noteNodes: Text[];
  /** Saved container → its index; the saved reads as stable JSON. */
  index: Map<Element, number>;
  savedStable: string[];
  /** Nodes of the saved page (body) and of each post, listed once: edits pick among the connected ones. */
  bodyNodes: Node[];
  postNodes: Node[][];
}

/** JSON with sorted keys: two reads are the same post when these are equal. */
function stable(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

const readAllOf = (adapter: PlatformAdapter, containers: Element[]) => containers.map((c) => adapter.readPost(c));

const PROBE = 'Qz7Probe';

function loadPage(adapter: PlatformAdapter, file: string): SavedPage {
  const name = file.replace(/^.*fixtures\//, '').replace(/\.html$/, '');
  const expected = EXPECTED[file.replace(/\.html$/, '.expected.json')];
  if (!expected) throw new Error(`${name}: no expected.json`);
  const doc = parsePage(HTML[file] as string, expected.url);
  const containers = adapter.findPosts(doc);
  const posts = readAllOf(adapter, containers);
  const baseline = posts.map(stable);
  const samePosts = () => readAllOf(adapter, containers).every((p, i) => stable(p) === baseline[i]);

  // Probe each candidate text node: a marker at its start, middle and end. A node is part of the post
  // text when the marker shows in the text every time; it is inert when no read changes at all.
  const probe = (node: Text, check: () => boolean): boolean => {
    const old = node.data;
    const offsets = [0, Math.floor(old.length / 2), old.length];
    try {
      return offsets.every((at) => {
        node.data = old.slice(0, at) + PROBE + old.slice(at);
        return check();
      });
    } finally {
      node.data = old;
    }
  };
  const textNodes = containers.map((container, k) => {
    const post = posts[k];
    if (!post || post.text === '') return [];
    return nodesUnder(container)
      .filter(isText)
      .filter((t) => squash(t.data).length >= 3 && post.text.includes(squash(t.data)))
      .filter((t) => probe(t, () => adapter.readPost(container)?.text.includes(PROBE) === true));
  });
  const noteNodes = nodesUnder(doc.body)
    .filter(isText)
    .filter((t) => expected.notRead.some((s) => t.data.includes(s)))
    .filter((t) => probe(t, samePosts));
  return {
    name,
    url: new URL(expected.url),
    doc,
    expected,
    containers,
    posts,
    textNodes,
    noteNodes,
    index: new Map(containers.map((c, k) => [c, k])),
    savedStable: baseline,
    bodyNodes: nodesUnder(doc.body),
    postNodes: containers.map((c) => nodesUnder(c)),
  };
}

/** One mutated page: the edits, what they reached, and what must hold after them. */
interface Trial {
  page: SavedPage;
  journal: Journal;
  touches: Touches;
  rng: Rng;
  /** Every saved post must read exactly as before (the edits only reached comments and labels). */
  allExact: boolean;
  /** A post shown twice: every post read is a saved post's id with that post's text and author. */
  sameContent: boolean;
  /** Tags that must not appear in any post's text. */
  forbidden: string[];
  /** This post's own text is gone: it must not read a comment, a label or another post instead. */
  textGone?: number;
  /** A payload typed into post `post`'s text: it must read as these characters. */
  typed?: { post: number; payload: string };
  log: string[];
}

function structuralEdit(trial: Trial, scope: Node, listed: Node[], includeScope: boolean): void {
  const { journal, log, rng } = trial;
  const doc = trial.page.doc;
  // A node of the saved page still under the scope (nodes this trial created are not picked); a few
  // random tries rather than a scan of the page, which would cost more than reading it.
  const pick = <N extends Node>(accept: (n: Node) => n is N): N | undefined => {
    for (let tries = 0; tries < 24; tries++) {
      const n = listed[rng.int(listed.length)] as Node;
      if ((includeScope || n !== scope) && scope.contains(n) && accept(n)) return n;
    }
    return undefined;
  };
  const anyNode = (n: Node): n is Node => n.nodeType === 1 || n.nodeType === 3;
  const op = rng.int(9);
  if (op === 0) {
    const node = pick(anyNode);
    if (!node) return;
    log.push(`remove <${node.nodeName}>`);
    journal.remove(node);
  } else if (op === 1) {
    const node = pick(anyNode);
    const parent = node?.parentNode;
    if (!node || !parent) return;
    const wrapper = doc.createElement(rng.pick(['div', 'span', 'p']));
    log.push(`wrap <${node.nodeName}> in <${wrapper.nodeName}>`);
    journal.insert(parent, wrapper, node);
    journal.move(node, wrapper, null);
  } else if (op === 2) {
    const el = pick(isElement);
    const parent = el?.parentNode;
    if (!el || !parent || el === doc.body) return;
    log.push(`unwrap <${el.nodeName}>`);
    for (const child of Array.from(el.childNodes)) journal.move(child, parent, el);
    journal.remove(el);
  } else if (op === 3) {
    const parent = pick((n): n is Element => isElement(n) && n.childNodes.length >= 2);
    if (!parent) return;
    const kids = Array.from(parent.childNodes);
    const child = rng.pick(kids);
    const before = rng.chance(0.3) ? null : rng.pick(kids);
    if (before === child) return;
    log.push(`reorder a child of <${parent.nodeName}>`);
    journal.move(child, parent, before);
  } else if (op === 4) {
    const el = pick((n): n is Element => isElement(n) && n.attributes.length > 0);
    if (!el) return;
    const attr = rng.pick(Array.from(el.attributes)).name;
    const empty = rng.chance(0.7);
    log.push(`${empty ? 'empty' : 'remove'} ${el.nodeName}[${attr}]`);
    journal.setAttribute(el, attr, empty ? '' : null);
  } else if (op === 5) {
    const el = pick(isElement);
    if (!el || !el.parentNode || el === doc.body) return;
    log.push(`duplicate <${el.nodeName}>`);
    const copy = cloneWithAliases(el, (n) => ownerOf(trial, n), trial.journal.alias);
    journal.insert(el.parentNode, copy, el.nextSibling);
  } else if (op === 6) {
    const text = pick(isText);
    if (!text) return;
    const payload = rng.pick(rng.chance(0.7) ? KEPT_PAYLOADS : RESHAPED_PAYLOADS);
    const at = rng.int(text.data.length + 1);
    log.push(`type ${JSON.stringify(payload)} into a text node`);
    journal.setData(text, text.data.slice(0, at) + payload + text.data.slice(at));
  } else if (op === 7) {
    const parent = pick(isElement);
    if (!parent) return;
    const tag = rng.pick(['script', 'style', 'template', 'noscript']);
    const el = doc.createElement(tag);
    el.textContent = `${SCRIPT_MARKER} window.__properso_pwned = 3`;
    log.push(`insert <${tag}> into <${parent.nodeName}>`);
    journal.insert(parent, el, rng.pick([null, ...Array.from(parent.childNodes)]));
  } else {
    const parent = pick(isElement);
    if (!parent) return;
    const el = doc.createElement(rng.pick(['b', 'span', 'div']));
    el.textContent = rng.pick(KEPT_PAYLOADS);
    log.push(`insert <${el.nodeName}>payload into <${parent.nodeName}>`);
    journal.insert(parent, el, rng.pick([null, ...Array.from(parent.childNodes)]));
  }
}

function ownerOf(trial: Trial, node: Node): number | undefined {
  return trial.page.index.get(node as Element) ?? trial.journal.alias.get(node);
}

/**
 * The saved posts a container found on the mutated page stands for: the saved containers around it or
 * inside it, copies of them, and the posts whose text nodes it holds (a post whose box was unwrapped).
 */
function ownersOf(trial: Trial, container: Element): Set<number> {
  const owners = new Set<number>();
  const related = (node: Node) => node === container || container.contains(node) || node.contains(container);
  trial.page.containers.forEach((base, k) => {
    if (related(base) || trial.page.textNodes[k]?.some((t) => container.contains(t))) owners.add(k);
  });
  for (const [node, k] of trial.journal.alias) if (related(node)) owners.add(k);
  return owners;
}

/** Untouched saved posts read on each mutated page besides the touched and unknown ones (a sample keeps it fast). */
const UNTOUCHED_SAMPLE = 1;

/** Runs the adapter on the mutated page and lists what does not hold. */
function examine(adapter: PlatformAdapter, trial: Trial): string[] {
  const { page, touches, rng } = trial;
  const problems: string[] = [];
  let found: Element[];
  try {
    found = adapter.findPosts(page.doc);
  } catch (error) {
    return [`findPosts threw ${String(error)}`];
  }
  if (rng.chance(0.1)) try {
    const audience = adapter.audienceFor(page.url, page.doc);
    if (!audience.key.startsWith(`${adapter.id}:`) || !AUDIENCE_KINDS.includes(audience.kind) || typeof audience.label !== 'string') {
      problems.push(`bad audience ${JSON.stringify(audience)}`);
    }
  } catch (error) {
    problems.push(`audienceFor threw ${String(error)}`);
  }

  const saved = page.posts;
  const { savedStable } = page;
  const untouched = (k: number) => !touches.posts.has(k);
  // Every container that is not an untouched saved one is read; untouched saved ones are sampled.
  const sampled = new Set<number>();
  const candidates = found.map((c) => page.index.get(c)).filter((k): k is number => k !== undefined && untouched(k));
  for (let n = 0; n < UNTOUCHED_SAMPLE && candidates.length > 0; n++) sampled.add(candidates.splice(rng.int(candidates.length), 1)[0] as number);
  const toRead = found.filter((c) => {
    const k = page.index.get(c);
    return k === undefined || !untouched(k) || sampled.has(k);
  });

  const reads: { container: Element; post: ExtractedPost; owners: Set<number> }[] = [];
  for (const container of toRead) {
    let post: ExtractedPost | null;
    try {
      post = adapter.readPost(container);
    } catch (error) {
      problems.push(`readPost threw ${String(error)}`);
      continue;
    }
    if (post) reads.push({ container, post, owners: ownersOf(trial, container) });
  }

  for (const { container, post, owners } of reads) {
    const where = `post ${JSON.stringify(post.id)} (saved posts ${[...owners].join(',') || 'none'})`;
    if (typeof post.id !== 'string' || post.id.trim() === '') problems.push(`${where}: empty id`);
    if (post.platform !== adapter.id) problems.push(`${where}: platform ${String(post.platform)}`);
    if (typeof post.text !== 'string') {
      problems.push(`${where}: text is not a string`);
      continue;
    }
    if (post.text.length > (container.textContent?.length ?? 0) && post.text.length > container.outerHTML.length) {
      problems.push(`${where}: text of ${post.text.length} characters from ${container.outerHTML.length} of markup`);
    }
    for (const tag of [SCRIPT_MARKER, ...trial.forbidden]) {
      if (post.text.includes(tag)) problems.push(`${where}: reads ${JSON.stringify(tag)}`);
    }
    // Another post's text inside this one: a wrong post.
    saved.forEach((other, q) => {
      if (!other || other.text.length < DISTINCTIVE || owners.has(q)) return;
      if ([...owners].some((o) => saved[o]?.text.includes(other.text))) return;
      if (post.text.includes(other.text)) problems.push(`${where}: holds the text of saved post ${q}`);
    });
    const read = stable(post);
    // A saved post's id given to other content (unless the page's structure above the posts changed:
    // wrapping the whole feed in a <span> legitimately changes what a reader sees as nested).
    saved.forEach((other, k) => {
      if (other?.id === post.id && untouched(k) && !touches.above && read !== savedStable[k]) {
        problems.push(`${where}: reads as ${read}, saved as ${savedStable[k]}`);
      }
    });
    if (touches.posts.size === 0 && !touches.above && !savedStable.includes(read)) {
      problems.push(`${where}: a post the saved page does not hold: ${read}`);
    }
    if (trial.sameContent) {
      const content = (p: ExtractedPost) => stable([p.id, p.text, p.author]);
      if (!saved.some((s) => s && content(s) === content(post))) problems.push(`${where}: not a saved post: ${read}`);
    }
  }
  // Untouched posts are still found, and those read read as saved.
  const foundSet = new Set(found);
  saved.forEach((post, k) => {
    if (!post) return;
    const container = page.containers[k] as Element;
    if (trial.allExact || trial.sameContent || (untouched(k) && !touches.above)) {
      if (!foundSet.has(container)) problems.push(`saved post ${k} (${JSON.stringify(post.id)}) is no longer found`);
    }
    // After a comment or label was edited, the post holding it must read exactly as saved too.
    if ((trial.allExact && !untouched(k)) || (untouched(k) && !touches.above && sampled.has(k))) {
      if (!reads.some((r) => r.container === container && stable(r.post) === savedStable[k])) {
        problems.push(`saved post ${k} (${JSON.stringify(post.id)}) no longer reads as saved`);
      }
    }
  });
  if (trial.textGone !== undefined) {
    const k = trial.textGone;
    const got = reads.find((r) => r.container === page.containers[k])?.post;
    for (const note of page.expected.notRead) {
      if (got?.text.includes(note)) problems.push(`post ${k} without its text reads ${JSON.stringify(note)} instead`);
    }
  }
  // Text the author typed is read as typed.
  if (trial.typed) {
    const { post: k, payload } = trial.typed;
    const want = saved[k] as ExtractedPost;
    const got = reads.find((r) => r.container === page.containers[k])?.post;
    if (!got) problems.push(`typed post ${k}: not read`);
    else {
      if (!got.text.includes(payload)) problems.push(`typed post ${k}: ${JSON.stringify(payload)} not kept in ${JSON.stringify(got.text.slice(0, 300))}`);
      else if (squash(got.text.replace(payload, '')) !== squash(want.text)) problems.push(`typed post ${k}: text changed beyond the payload`);
      const rest = (p: ExtractedPost) => stable({ ...p, id: p.id.startsWith('h:') ? 'h:' : p.id, text: '' });
      if (rest(got) !== rest(want)) problems.push(`typed post ${k}: ${rest(got)} instead of ${rest(want)}`);
      if (got.id.startsWith('h:') && got.id !== hashedPostId(got.author.handle ?? got.author.name ?? '', got.text)) {
        problems.push(`typed post ${k}: id is not the hash of author and text`);
      }
    }
  }
  return problems;
}

function runTrials(adapter: PlatformAdapter, page: SavedPage, count: number, failures: string[]): void {
  const rng = new Rng(seededRandom(seedOf(SEED, page.name)));
  const readable = page.posts.map((p, k) => (p ? k : -1)).filter((k) => k >= 0);
  const typeable = page.textNodes.map((nodes, k) => (nodes.length > 0 ? k : -1)).filter((k) => k >= 0);
  for (let i = 0; i < count; i++) {
    const touches = new Touches(page.containers);
    const trial: Trial = {
      page,
      touches,
      rng,
      journal: new Journal(touches),
      allExact: false,
      sameContent: false,
      forbidden: [],
      log: [],
    };
    const family = rng.int(100);
    try {
      if (family < 25) {
        // Edits inside one post: every other post reads as saved.
        const k = rng.int(page.containers.length);
        trial.log.push(`inside post ${k}:`);
        const edits = 1 + rng.int(3);
        for (let e = 0; e < edits; e++) structuralEdit(trial, page.containers[k] as Element, page.postNodes[k] as Node[], true);
      } else if (family < 40 && typeable.length > 0) {
        // The author typed odd text into their post: read as typed.
        const k = rng.pick(typeable);
        const node = rng.pick(page.textNodes[k] as Text[]);
        const payload = rng.pick(KEPT_PAYLOADS);
        const at = rng.int(Math.max(1, node.data.length));
        trial.log.push(`type ${JSON.stringify(payload)} at ${at} of ${JSON.stringify(node.data)} in post ${k}`);
        trial.journal.setData(node, node.data.slice(0, at) + payload + node.data.slice(at));
        trial.typed = { post: k, payload };
        if (rng.chance(0.3) && node.parentNode) {
          const script = page.doc.createElement('script');
          script.textContent = SCRIPT_MARKER;
          trial.log.push('and a <script> beside it');
          trial.journal.insert(node.parentNode, script, node.nextSibling);
        }
      } else if (family < 55 && page.noteNodes.length > 0) {
        // A comment or label edited: no post changes, none of its words reach a post.
        trial.allExact = true;
        const node = rng.pick(page.noteNodes);
        const tag = `CMT${i}x`;
        trial.forbidden.push(tag);
        const payload = tag + rng.pick(KEPT_PAYLOADS);
        const at = rng.pick([0, Math.floor(node.data.length / 2), node.data.length]);
        trial.log.push(`type ${JSON.stringify(payload)} into note ${JSON.stringify(node.data)}`);
        trial.journal.setData(node, node.data.slice(0, at) + payload + node.data.slice(at));
      } else if (family < 65 && readable.length > 0) {
        // A post shown twice (virtualised lists recycle and re-render): it reads as a saved post.
        trial.sameContent = true;
        const k = rng.pick(readable);
        const container = page.containers[k] as Element;
        const parent = container.parentNode;
        if (parent) {
          const copy = cloneWithAliases(container, (n) => ownerOf(trial, n), trial.journal.alias);
          const before = rng.pick([container, container.nextSibling, null]);
          trial.log.push(`duplicate post ${k}`);
          trial.journal.insert(parent, copy, before);
        }
      } else if (family < 80 && typeable.length > 0) {
        // The post's own text gone (blanked, or its box removed), comments and labels left alone.
        const k = rng.pick(typeable);
        const nodes = page.textNodes[k] as Text[];
        const container = page.containers[k] as Element;
        trial.textGone = k;
        let box = nodes[0]?.parentElement ?? null;
        while (box && box !== container && !nodes.every((n) => box?.contains(n))) box = box.parentElement;
        if (rng.chance(0.3) || !box || box === container) {
          trial.log.push(`blank the text of post ${k}`);
          for (const node of nodes) trial.journal.setData(node, '');
        } else {
          trial.log.push(`remove the <${box.nodeName}> holding the text of post ${k}`);
          trial.journal.remove(box);
        }
      } else {
        // Anywhere on the page.
        const edits = 1 + rng.int(3);
        for (let e = 0; e < edits; e++) structuralEdit(trial, page.doc.body, page.bodyNodes, false);
      }
      const problems = examine(adapter, trial);
      if (problems.length > 0 && failures.length < MAX_FAILURES) {
        failures.push(`${page.name} #${i} [${trial.log.join('; ')}]: ${problems.slice(0, 3).join(' | ')}`);
      }
    } finally {
      trial.journal.undo();
    }
  }
}

/** Odd URLs of the adapter's pages: isFeedUrl and audienceFor must answer, not throw. */
function oddUrls(base: URL, rng: Rng, count: number): URL[] {
  const segments = base.pathname.split('/');
  const out: URL[] = [];
  const weird = [
    '%', '%E0%A4%A', '%ZZ', '%00', '%F0%9F', '..', '.', '@', '@@', '#', '%23', '?', '~',
    ...KEPT_PAYLOADS.map((p) => encodeURIComponent(p.replace(/[\ud800-\udfff]/g, ''))),
    'a'.repeat(5000),
  ];
  for (let i = 0; i < count; i++) {
    const path = [...segments];
    path[1 + rng.int(Math.max(1, path.length - 1))] = rng.pick(weird);
    if (rng.chance(0.3)) path.push(rng.pick(weird));
    const url = new URL(base.href);
    url.pathname = path.join('/');
    if (rng.chance(0.4)) url.search = `?keywords=${rng.pick(weird)}&q=${rng.pick(weird)}&serp_type=tags`;
    out.push(url);
  }
  return out;
}

const FILES = Object.keys(HTML).sort();

describe.each(ADAPTERS.map((adapter) => [adapter.id, adapter] as const))('%s adapter under bad input', (id, adapter) => {
  const files = FILES.filter((file) => file.includes(`/fixtures/${id}/`));
  let pages: SavedPage[] | undefined;
  const savedPages = () => (pages ??= files.map((file) => loadPage(adapter, file)));

  it(`survives ${PAGES_PER_FIXTURE} mutated pages per saved page and never reads a wrong post`, { timeout: 120_000 }, () => {
    expect(files.length).toBeGreaterThan(0);
    const started = performance.now();
    const failures: string[] = [];
    for (const page of savedPages()) {
      expect(page.posts.filter(Boolean).map((p) => p?.id)).toEqual(page.expected.posts.map((p) => p.id));
      runTrials(adapter, page, PAGES_PER_FIXTURE, failures);
    }
    const typed = savedPages().reduce((n, p) => n + p.textNodes.flat().length, 0);
    const notes = savedPages().reduce((n, p) => n + p.noteNodes.length, 0);
    console.info(
      `[fuzz] ${id}: ${files.length * PAGES_PER_FIXTURE} mutated pages (seed ${SEED}; ${typed} post-text nodes, ` +
        `${notes} comment/label nodes) in ${(performance.now() - started).toFixed(0)} ms`,
    );
    expect(failures).toEqual([]);
  });

  it('keeps HTML and <script> typed into a post as inert text', () => {
    const payload = '<script>window.__properso_pwned=1</script><img src=x onerror="window.__properso_pwned=2"><b>bold</b>';
    let checked = 0;
    for (const page of savedPages()) {
      page.textNodes.forEach((nodes, k) => {
        const node = nodes[0];
        if (!node) return;
        const container = page.containers[k] as Element;
        const old = node.data;
        const elementsBefore = container.querySelectorAll('*').length;
        const activeBefore = page.doc.querySelectorAll('script, img[onerror]').length;
        node.data = `${old} ${payload}`;
        try {
          const post = adapter.readPost(container);
          expect(post?.text).toContain(payload);
          expect(container.querySelectorAll('*').length).toBe(elementsBefore);
          expect(page.doc.querySelectorAll('script, img[onerror]').length).toBe(activeBefore);
          expect((globalThis as { __properso_pwned?: unknown }).__properso_pwned).toBeUndefined();
          checked++;
        } finally {
          node.data = old;
        }
      });
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('reads a post of 1 MB of text without failing, and no more than the page holds', () => {
    const page = savedPages().find((p) => p.textNodes.some((nodes) => nodes.length > 0));
    if (!page) throw new Error(`${id}: no saved post with text`);
    const k = page.textNodes.findIndex((nodes) => nodes.length > 0);
    const node = (page.textNodes[k] as Text[])[0] as Text;
    const container = page.containers[k] as Element;
    const old = node.data;
    const huge = 'lorem ipsum 🚀 dolor שלום '.repeat(Math.ceil(1_048_576 / 24)).slice(0, 1_048_576);
    node.data = `${old} ${huge}`;
    try {
      const started = performance.now();
      const post = adapter.readPost(container);
      const ms = performance.now() - started;
      expect(post).not.toBeNull();
      expect(post?.text.length).toBeGreaterThanOrEqual(1_000_000);
      expect(post?.text.length).toBeLessThanOrEqual(container.textContent?.length ?? 0);
      console.info(`[fuzz] ${id}: a 1 MB post read in ${ms.toFixed(0)} ms`);
    } finally {
      node.data = old;
    }
    // And the page reads as before afterwards.
    expect(readAllOf(adapter, page.containers).map(stable)).toEqual(page.posts.map(stable));
  });

  it('answers isFeedUrl and audienceFor on odd URLs without throwing', () => {
    const rng = new Rng(seededRandom(seedOf(SEED, `${id}/urls`)));
    let count = 0;
    for (const page of savedPages()) {
      for (const url of oddUrls(page.url, rng, 200)) {
        expect(typeof adapter.isFeedUrl(url)).toBe('boolean');
        const audience = adapter.audienceFor(url, page.doc);
        expect(audience.key.startsWith(`${id}:`)).toBe(true);
        expect(AUDIENCE_KINDS).toContain(audience.kind);
        count++;
      }
    }
    expect(count).toBe(600);
  });
});
