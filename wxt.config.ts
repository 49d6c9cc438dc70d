import { defineConfig, type Plugin } from 'vite';
import { defineConfig as defineWxtConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { resolve } from 'node:path';
import { PLATFORM_MATCHES } from './utils/platforms/matches';

/**
 * onnxruntime-web writes `new URL("ort-wasm-simd-threaded.wasm", import.meta.url)`; Vite turns that
 * into a base64 copy of the 14 MB wasm inside every script that imports ORT. We ship the wasm once,
 * at the extension root, and point ORT at it with `env.wasm.wasmPaths = { wasm: … }`, so the pattern
 * is rewritten to a root-relative URL that Vite leaves alone.
 */
function shipOrtWasmOnce(): Plugin {
  return {
    name: 'properso:ship-ort-wasm-once',
    enforce: 'pre',
    transform(code, id) {
      if (!id.includes('onnxruntime-web')) return null;
      const rewritten = code.replaceAll(
        'new URL("ort-wasm-simd-threaded.wasm",import.meta.url)',
        'new URL("/ort-wasm-simd-threaded.wasm",self.location.href)',
      );
      return rewritten === code ? null : { code: rewritten, map: null };
    },
  };
}

/** Test builds (PROPERSO_E2E=1) expose the popup to web pages: WebDriver BiDi cannot open moz-extension:// URLs. */
const isE2eBuild = process.env.PROPERSO_E2E === '1';

/**
 * Test builds are granted the Mastodon servers of the fixtures at install, as a user would grant them
 * from the options page (a permission prompt cannot be answered in a headless browser); the background
 * then registers the Mastodon content script there at run time, as for any granted server.
 */
const E2E_MASTODON_SERVERS = ['https://toot.example/*', 'https://piaille.example/*'];

export default defineWxtConfig({
  manifestVersion: 3,
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () =>
    defineConfig({
      plugins: [shipOrtWasmOnce(), preact()],
      build: { chunkSizeWarningLimit: 2048 },
    }),
  // Firefox's sources zip (for AMO review): the code, not local test or demo output.
  zip: { excludeSources: ['test-output/**', 'demo-output/**'] },
  hooks: {
    // Typed paths for browser.runtime.getURL (utils/inference/bundledClassifier.ts).
    'prepare:publicPaths': (_wxt, paths) => {
      paths.push('/ort-wasm-simd-threaded.wasm', '/models/properso.onnx');
    },
    'build:publicAssets': (_wxt, files) => {
      files.push(
        {
          absoluteSrc: resolve('node_modules/onnxruntime-web/dist/ort-wasm-simd-threaded.wasm'),
          relativeDest: 'ort-wasm-simd-threaded.wasm',
        },
        { absoluteSrc: resolve('models/properso.onnx'), relativeDest: 'models/properso.onnx' },
      );
    },
  },
  manifest: ({ browser }) => ({
    name: 'Properso — pro ou perso ?',
    description:
      'How professional is the audience you scroll? Classifies posts on your device; nothing leaves it.',
    // scripting: the Mastodon content script is registered at run time on the servers the user grants.
    // alarms: the daily retention rule (old posts deleted).
    permissions: browser === 'firefox' ? ['storage', 'scripting', 'alarms'] : ['storage', 'offscreen', 'scripting', 'alarms'],
    host_permissions: isE2eBuild ? [...PLATFORM_MATCHES, ...E2E_MASTODON_SERVERS] : PLATFORM_MATCHES,
    optional_host_permissions: ['https://*/*'],
    content_security_policy: {
      extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self';",
    },
    web_accessible_resources: isE2eBuild
      ? [{ resources: ['popup.html', 'options.html'], matches: ['<all_urls>'] }]
      : undefined,
    browser_specific_settings:
      browser === 'firefox'
        ? {
            gecko: {
              id: 'properso@properso.app',
              // data_collection_permissions (required by AMO) needs Firefox 140, 142 on Android.
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          }
        : undefined,
  }),
});
