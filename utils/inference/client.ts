/**
 * How the background reaches the inference host. Chrome: a message to the offscreen document, created
 * on first need (a service worker would recompile the 14 MB wasm on every wake-up, ~2 s; the offscreen
 * document keeps the session warm and outlives the worker's idle stop). Firefox: the MV3 background is
 * an event page with a DOM, so it hosts the model itself; the `import.meta.env.BROWSER` guard lets the
 * Chrome build drop ORT entirely.
 */
import { browser, type Browser } from 'wxt/browser';
import type { Prediction } from '../model/types';
import { sendMessage, type HostStatus, type InferenceStatus } from '../messaging';

export interface InferenceClient {
  classify(texts: readonly string[]): Promise<Prediction[]>;
  status(): Promise<InferenceStatus>;
}

export const OFFSCREEN_PATH = '/offscreen.html';
/** Tries per batch when the offscreen document disappears under it. */
export const OFFSCREEN_ATTEMPTS = 3;

/** What runtime.sendMessage rejects with when its receiver closed or never answered. */
export function isHostGone(error: unknown): boolean {
  return /Receiving end does not exist|message port closed|message channel closed|Could not establish connection/i.test(String(error));
}

export function createInferenceClient(): InferenceClient {
  const backend = import.meta.env.BROWSER === 'firefox' ? backgroundPageBackend() : offscreenBackend();
  return timed(backend);
}

interface Backend {
  classify(texts: readonly string[]): Promise<Prediction[]>;
  hostStatus(): Promise<HostStatus | null>;
}

/** Measures, once, the time from the first need of the host to the first predictions. */
function timed(backend: Backend): InferenceClient {
  let firstNeedAt: number | undefined;
  let firstClassificationMs: number | null = null;
  return {
    async classify(texts) {
      firstNeedAt ??= performance.now();
      const predictions = await backend.classify(texts);
      if (firstClassificationMs === null) {
        firstClassificationMs = performance.now() - firstNeedAt;
        console.info(`[properso] first classification ${firstClassificationMs.toFixed(0)} ms after the host was first needed`);
      }
      return predictions;
    },
    async status() {
      return { host: await backend.hostStatus(), firstClassificationMs };
    },
  };
}

function backgroundPageBackend(): Backend {
  const host = import('./host').then(async ({ createInferenceHost }) => {
    const { loadBundledClassifier } = await import('./bundledClassifier');
    return createInferenceHost({ kind: 'background-page', loadClassifier: loadBundledClassifier });
  });
  return {
    classify: async (texts) => (await host).classify(texts),
    hostStatus: async () => (await host).status(),
  };
}

function offscreenBackend(): Backend {
  let creating: Promise<void> | undefined;

  async function offscreenExists(): Promise<boolean> {
    const contexts = await browser.runtime.getContexts({
      contextTypes: ['OFFSCREEN_DOCUMENT' as Browser.runtime.ContextType],
      documentUrls: [browser.runtime.getURL(OFFSCREEN_PATH)],
    });
    return contexts.length > 0;
  }

  async function ensureOffscreen(): Promise<void> {
    // The document survives service-worker restarts: look before creating, and create only once
    // even when several batches arrive together.
    creating ??= (async () => {
      if (await offscreenExists()) return;
      await browser.offscreen.createDocument({
        url: OFFSCREEN_PATH,
        // No reason names "run WebAssembly"; WORKERS is the one Chrome's own ML samples use.
        reasons: ['WORKERS' as Browser.offscreen.Reason],
        justification: 'Classifies posts on the device with the bundled ONNX model, once for all tabs.',
      });
    })().finally(() => {
      creating = undefined;
    });
    await creating;
  }

  return {
    async classify(texts) {
      for (let attempt = 1; ; attempt++) {
        await ensureOffscreen();
        try {
          const reply = await sendMessage({ to: 'offscreen', type: 'classify', texts: [...texts] });
          return reply.predictions;
        } catch (error) {
          // The document went away with the batch (closed by the browser or a crash): make a new one
          // and send the batch again. Any other error is the host's answer and goes up.
          const documentGone = isHostGone(error) || !(await offscreenExists());
          if (!documentGone || attempt >= OFFSCREEN_ATTEMPTS) throw error;
          console.warn(`[properso] the offscreen document went away during a batch; sending it again (${String(error)})`);
        }
      }
    },
    async hostStatus() {
      if (!(await offscreenExists())) return null;
      return sendMessage({ to: 'offscreen', type: 'getHostStatus' });
    },
  };
}
