// Catches a host that loads the model more than once, re-classifies cached texts, or misorders results.
import { describe, expect, it, vi } from 'vitest';
import { createInferenceHost } from '@/utils/inference/host';
import type { Classifier } from '@/utils/model/classifier';
import type { ModelMeta, Prediction } from '@/utils/model/types';

function fakeClassifier(): Classifier & { calls: string[][] } {
  const calls: string[][] = [];
  return {
    calls,
    meta: { id: 'fake', version: '0' } as ModelMeta,
    async classify(texts) {
      calls.push([...texts]);
      return texts.map(
        (text): Prediction => ({
          label: text.includes('pro') ? 'professional' : 'personal',
          pProfessional: text.includes('pro') ? 0.9 : 0.1,
          uncertain: false,
          lang: 'en',
          cues: { professional: [], personal: [] },
        }),
      );
    },
  };
}

describe('createInferenceHost', () => {
  it('loads once, caches by text and keeps the input order', async () => {
    const classifier = fakeClassifier();
    const load = vi.fn(async () => classifier);
    const host = createInferenceHost({ kind: 'background-page', loadClassifier: load, log: () => {} });
    const first = await host.classify(['pro one', 'perso two', 'pro one']);
    expect(first.map((p) => p.label)).toEqual(['professional', 'personal', 'professional']);
    const second = await host.classify(['perso two', 'pro three']);
    expect(second.map((p) => p.pProfessional)).toEqual([0.1, 0.9]);
    expect(load).toHaveBeenCalledTimes(1);
    expect(classifier.calls).toEqual([['pro one', 'perso two'], ['pro three']]);
    expect(host.status()).toMatchObject({ batches: 2, texts: 5, cacheHits: 1, cacheSize: 3, modelId: 'fake' });
  });

  it('times the first batch from the host start', async () => {
    let clock = 100;
    const host = createInferenceHost({
      kind: 'offscreen-document',
      now: () => clock,
      log: () => {},
      loadClassifier: async () => {
        clock += 40;
        return fakeClassifier();
      },
    });
    await host.classify(['a b']);
    clock += 1000;
    await host.classify(['c d']);
    expect(host.status()).toMatchObject({ modelLoadMs: 40, firstBatchMs: 40 });
  });

  it('retries loading after a failure', async () => {
    const load = vi.fn().mockRejectedValueOnce(new Error('no wasm')).mockResolvedValue(fakeClassifier());
    const host = createInferenceHost({ kind: 'background-page', loadClassifier: load, log: () => {} });
    await expect(host.classify(['x y'])).rejects.toThrow('no wasm');
    await expect(host.classify(['x y'])).resolves.toHaveLength(1);
    expect(load).toHaveBeenCalledTimes(2);
  });
});
