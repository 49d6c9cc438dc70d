/**
 * The shipped extension, as built (production, both browsers, into a temporary folder so that no stale
 * .output is checked): the fewest permissions that work, host permissions equal to the platform
 * catalog, Mastodon servers only ever granted at run time, and no code that can reach the network
 * outside the extension's own files.
 *
 * The network scan is static and therefore a guard, not a proof (the real-browser tests
 * tests/e2e/*.network.e2e.test.ts watch the traffic): every call site of fetch, XMLHttpRequest,
 * WebSocket, sendBeacon, EventSource, importScripts, workers, dynamic import() and WebRTC in the built
 * JavaScript must be one of the known ones below, and every absolute URL written in the built files
 * must be a platform's own address (match patterns, link bases) or a known constant that is never
 * requested (XML namespaces, documentation links in library error messages).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLATFORMS, PLATFORM_IDS } from '../../utils/platforms/catalog';
import { PLATFORM_MATCHES } from '../../utils/platforms/matches';

const BROWSERS = ['chrome', 'firefox'] as const;
type Target = (typeof BROWSERS)[number];

/**
 * The permissions each build asks for, and why; adding one must be argued here.
 * - storage: settings and preferences (browser.storage.local); IndexedDB needs no permission.
 * - offscreen (Chrome): the offscreen document that hosts onnxruntime-web (a service worker recompiles
 *   the wasm on every wake-up); Firefox runs it in its background page.
 * - scripting: registers the Mastodon content script on the servers the user grants at run time.
 * - alarms: the daily retention rule that deletes old posts.
 */
const EXPECTED_PERMISSIONS: Record<Target, string[]> = {
  chrome: ['storage', 'offscreen', 'scripting', 'alarms'],
  firefox: ['storage', 'scripting', 'alarms'],
};

interface Manifest {
  permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  optional_permissions?: string[];
  content_scripts?: { matches: string[] }[];
  web_accessible_resources?: unknown;
  externally_connectable?: unknown;
  content_security_policy?: { extension_pages?: string; sandbox?: string };
  browser_specific_settings?: { gecko?: { data_collection_permissions?: { required?: string[]; optional?: string[] } } };
}

let outDir = '';
const manifests = {} as Record<Target, Manifest>;
const files = {} as Record<Target, { path: string; text: string }[]>;

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'properso-built-'));
  const env = { ...process.env };
  delete env.PROPERSO_E2E; // the production manifest, not the test build's
  for (const browser of BROWSERS) {
    await promisify(execFile)(
      process.execPath,
      ['--input-type=module', '-e', `import { build } from 'wxt'; await build({ browser: '${browser}', outDir: ${JSON.stringify(outDir)} });`],
      { env, maxBuffer: 16 * 1024 * 1024 },
    );
    const dir = join(outDir, `${browser}-mv3`);
    manifests[browser] = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as Manifest;
    const paths = (await listFiles(dir)).filter((p) => /\.(js|mjs|html|css)$/.test(p));
    files[browser] = await Promise.all(paths.map(async (path) => ({ path: path.slice(dir.length + 1), text: await readFile(path, 'utf8') })));
  }
}, 240_000);

afterAll(async () => {
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

describe.each(BROWSERS)('%s build: permissions', (browser) => {
  it('asks for exactly the permissions it needs', () => {
    expect([...(manifests[browser].permissions ?? [])].sort()).toEqual([...EXPECTED_PERMISSIONS[browser]].sort());
    expect(manifests[browser].optional_permissions ?? []).toEqual([]);
  });

  it('asks for host access to exactly the catalog platforms, and runs its content script there only', () => {
    const manifest = manifests[browser];
    expect([...(manifest.host_permissions ?? [])].sort()).toEqual([...PLATFORM_MATCHES].sort());
    const scriptMatches = (manifest.content_scripts ?? []).flatMap((script) => script.matches);
    expect([...new Set(scriptMatches)].sort()).toEqual([...PLATFORM_MATCHES].sort());
    // Every pattern names one host of one platform: no wildcard host, no <all_urls>, no http.
    for (const pattern of [...(manifest.host_permissions ?? []), ...scriptMatches]) {
      expect(pattern).toMatch(/^https:\/\/[a-z0-9.-]+\/\*$/);
    }
  });

  it('leaves Mastodon servers to optional host permissions granted at run time', () => {
    const manifest = manifests[browser];
    // mastodon.social is the catalog's one listed server; any other is asked for from the options page.
    const mastodonHosts = (manifest.host_permissions ?? []).filter((p) => PLATFORMS.mastodon.matches.includes(p));
    expect(mastodonHosts).toEqual(PLATFORMS.mastodon.matches);
    expect(manifest.optional_host_permissions).toEqual(['https://*/*']);
    for (const id of PLATFORM_IDS) {
      for (const pattern of PLATFORMS[id].matches) expect(manifest.host_permissions).toContain(pattern);
    }
  });

  it('exposes nothing to web pages or other extensions, and loads no remote code', () => {
    const manifest = manifests[browser];
    expect(manifest.web_accessible_resources).toBeUndefined();
    expect(manifest.externally_connectable).toBeUndefined();
    expect(manifest.content_security_policy?.extension_pages).toBe("script-src 'self' 'wasm-unsafe-eval'; object-src 'self';");
    if (browser === 'firefox') {
      expect(manifest.browser_specific_settings?.gecko?.data_collection_permissions).toEqual({ required: ['none'] });
    }
  });
});

/** Network primitives: every match in built JavaScript must be one of the known sites below. */
const PRIMITIVES: { name: string; pattern: RegExp }[] = [
  { name: 'fetch', pattern: /\bfetch\s*\(/g },
  { name: 'XMLHttpRequest', pattern: /\bXMLHttpRequest\b/g },
  { name: 'WebSocket', pattern: /\bWebSocket\b/g },
  { name: 'sendBeacon', pattern: /\bsendBeacon\b/g },
  { name: 'EventSource', pattern: /\bEventSource\b/g },
  { name: 'importScripts', pattern: /\bimportScripts\b/g },
  { name: 'Worker', pattern: /\bnew\s+(?:Shared)?Worker\s*\(/g },
  { name: 'import()', pattern: /(?<![\w$.])import\s*\(/g },
  { name: 'WebRTC', pattern: /\bRTCPeerConnection\b/g },
];

interface KnownSite {
  why: string;
  /** Only in files holding onnxruntime-web (which name its wasm file). */
  ortOnly?: boolean;
  /** Matched against the 200 characters around the call. */
  context: RegExp;
}

const KNOWN_SITES: Record<string, KnownSite[]> = {
  fetch: [
    {
      why: "our own code fetching one of the extension's files",
      context: /fetch\s*\(\s*\w+\.runtime\.getURL\(/,
    },
    {
      why: "Vite's modulepreload polyfill: fetches the <link rel=modulepreload> of the extension's own chunks",
      context: /\.ep\s*=\s*!0[^]{0,60}fetch\(\w+\.href/,
    },
    {
      why: "onnxruntime-web (Emscripten) fetching its wasm: wasmPaths = runtime.getURL('/ort-wasm-simd-threaded.wasm')",
      ortOnly: true,
      context: /fetch\(\w+,\{credentials:`same-origin`\}\)/,
    },
    {
      why: "onnxruntime-web loading a model's external data file (ours has none; the model URL is runtime.getURL)",
      ortOnly: true,
      context: /fetch\(\w+\);if\(!\w+\.ok\)throw Error\(`failed to load external data file/,
    },
  ],
  XMLHttpRequest: [
    {
      why: "Emscripten's synchronous/asynchronous file read in onnxruntime-web (worker/node paths, unused)",
      ortOnly: true,
      context: /new XMLHttpRequest[^]{0,80}responseType\s*=\s*`arraybuffer`/,
    },
  ],
  Worker: [
    { why: 'onnxruntime-web proxy worker (env.wasm.proxy = false)', ortOnly: true, context: /new Worker\(\w+\?\?\w+,\{type:`module`/ },
    { why: 'onnxruntime-web pthread workers (numThreads = 1)', ortOnly: true, context: /new Worker\(\(\(\)=>\{let \w+=URL/ },
  ],
  'import()': [
    {
      why: "onnxruntime-web importing its .mjs glue (disabled: wasmPaths is given in object form)",
      ortOnly: true,
      context: /\(await import\(\w+\)\)/,
    },
  ],
};

const ORT_MARKER = 'ort-wasm-simd-threaded.wasm';

function unknownNetworkSites(path: string, text: string): string[] {
  if (!/\.(js|mjs)$/.test(path)) return [];
  const ort = text.includes(ORT_MARKER);
  const out: string[] = [];
  for (const { name, pattern } of PRIMITIVES) {
    for (const match of text.matchAll(pattern)) {
      const at = match.index ?? 0;
      const context = text.slice(Math.max(0, at - 100), at + 100);
      const known = (KNOWN_SITES[name] ?? []).some((site) => (!site.ortOnly || ort) && site.context.test(context));
      if (!known) out.push(`${path}: ${name} at ${at}: …${context.replace(/\s+/g, ' ')}…`);
    }
  }
  return out;
}

/** Absolute URLs written in the build that are not requests: namespaces and documentation links. */
const KNOWN_URLS = new Set([
  'http://www.w3.org/2000/svg',
  'http://www.w3.org/1999/xhtml',
  'http://www.w3.org/1998/Math/MathML',
  'http://www.w3.org/1999/xlink',
  'http://www.w3.org/XML/1998/namespace',
  'https://mastodon.invalid/', // a parse base that can never resolve (utils/platforms/mastodon.ts)
  'https://wxt.dev/guide/go-further/testing.html',
  'https://github.com/wxt-dev/wxt/issues/371',
  'https://web.dev/cross-origin-isolation-guide/',
  'https://rolldown.rs/in-depth/bundling-cjs#require-external-modules',
]);
const PLATFORM_ORIGINS = new Set(PLATFORM_MATCHES.map((pattern) => pattern.replace(/\/\*$/, '')));

function unknownUrls(path: string, text: string): string[] {
  const out: string[] = [];
  for (const [url] of text.matchAll(/(?:https?|wss?):\/\/[^\s"'`)<>\\]*/g)) {
    if (KNOWN_URLS.has(url)) continue;
    // A platform's own address: its match pattern, its origin, or a link base under it (profile URLs).
    const origin = /^https:\/\/[^/]+/.exec(url)?.[0];
    if (origin && PLATFORM_ORIGINS.has(origin)) continue;
    // Mastodon servers the user granted, built at run time: `https://${host}` and `https://${host}/*`.
    if (/^https:\/\/\$\{\w+\}(\/\*)?$/.test(url)) continue;
    out.push(`${path}: ${url}`);
  }
  return out;
}

describe.each(BROWSERS)('%s build: no code that reaches the network', (browser) => {
  it('calls fetch, XHR, workers and import() only where known, and WebSocket, sendBeacon, EventSource, WebRTC nowhere', () => {
    const sites = files[browser].flatMap(({ path, text }) => unknownNetworkSites(path, text));
    expect(sites).toEqual([]);
  });

  it('sees the known sites, so that the scan is not vacuous', () => {
    const inference = files[browser].filter(({ text }) => text.includes(ORT_MARKER));
    expect(inference.length).toBeGreaterThan(0);
    const wasmFetch = KNOWN_SITES.fetch?.[2]?.context as RegExp;
    expect(inference.some(({ text }) => wasmFetch.test(text))).toBe(true);
  });

  it('names no address outside the extension but the platforms it reads', () => {
    expect(files[browser].flatMap(({ path, text }) => unknownUrls(path, text))).toEqual([]);
  });

  it('keeps onnxruntime-web out of the content scripts and the popup', () => {
    for (const { path, text } of files[browser]) {
      if (/^content-scripts\//.test(path) || /popup|options/.test(path)) expect(text.includes(ORT_MARKER), path).toBe(false);
    }
    const contentScripts = files[browser].filter(({ path }) => path.startsWith('content-scripts/'));
    expect(contentScripts.length).toBeGreaterThan(0);
    for (const { path, text } of contentScripts) {
      for (const { name, pattern } of PRIMITIVES) expect(text.search(pattern), `${name} in ${path}`).toBe(-1);
    }
  });
});
