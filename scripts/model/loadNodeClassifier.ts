import { readFileSync } from 'node:fs';
import * as ort from 'onnxruntime-web/wasm';
import { createClassifier, type Classifier } from '../../utils/model/classifier';
import type { ModelMeta } from '../../utils/model/types';

/**
 * The shipped model through onnxruntime-web in Node: the same runtime and graph as the extension,
 * so the command line, the evaluation and the benchmark measure what users run.
 */
export async function loadNodeClassifier(modelPath = 'models/properso.onnx', metaPath = 'models/properso.json'): Promise<Classifier> {
  ort.env.wasm.numThreads = 1;
  ort.env.wasm.proxy = false;
  ort.env.logLevel = 'error';
  const meta = JSON.parse(readFileSync(metaPath, 'utf8')) as ModelMeta;
  return createClassifier(ort, new Uint8Array(readFileSync(modelPath)), meta);
}
