/**
 * Loads the model shipped in the extension (public/models/properso.onnx, copied at build) with
 * onnxruntime-web's wasm-only build. Imported only by inference hosts: the Chrome service worker must
 * never bundle ORT (it cannot compile the wasm quickly on every wake-up, nor `import()` its glue).
 */
import * as ort from 'onnxruntime-web/wasm';
import { browser } from 'wxt/browser';
import { createClassifier, type Classifier } from '../model/classifier';
import type { ModelMeta } from '../model/types';
import modelMeta from '../../models/properso.json';

export const ORT_WASM_PATH = '/ort-wasm-simd-threaded.wasm';
export const MODEL_PATH = '/models/properso.onnx';

export function loadBundledClassifier(): Promise<Classifier> {
  // One thread and no proxy worker: extension pages are not cross-origin isolated, and one batch of a
  // linear model is microseconds of work. The object form of wasmPaths stops ORT from import()ing its
  // .mjs glue (forbidden in service workers, unfetchable from extension pages).
  ort.env.wasm.numThreads = 1;
  ort.env.wasm.proxy = false;
  ort.env.wasm.wasmPaths = { wasm: browser.runtime.getURL(ORT_WASM_PATH) };
  // A URL string, not bytes: Firefox refuses a Uint8Array from arrayBuffer() in some contexts.
  return createClassifier(ort, browser.runtime.getURL(MODEL_PATH), modelMeta as unknown as ModelMeta);
}
