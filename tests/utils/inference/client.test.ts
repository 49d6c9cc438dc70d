// Catches a batch lost when Chrome's offscreen document (the inference host) closes while it holds the
// batch: the client must make a new document and send the batch again, and must not retry the host's
// own errors forever.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Prediction } from '@/utils/model/types';

const sendMessage = vi.fn();
vi.mock('@/utils/messaging', () => ({ sendMessage: (message: unknown) => sendMessage(message) }));
const { createInferenceClient, OFFSCREEN_ATTEMPTS } = await import('@/utils/inference/client');

const prediction: Prediction = { label: 'professional', pProfessional: 0.9, uncertain: false, lang: 'en', cues: { professional: [], personal: [] } };
let documents = 0;
const createDocument = vi.fn(async () => void documents++);

beforeEach(() => {
  fakeBrowser.reset();
  documents = 0;
  sendMessage.mockReset();
  createDocument.mockClear();
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  vi.spyOn(console, 'info').mockImplementation(() => {});
  Object.assign(fakeBrowser.runtime, { getContexts: async () => Array.from({ length: documents }, () => ({})) });
  Object.assign(fakeBrowser, { offscreen: { createDocument } });
});

describe('offscreen inference client', () => {
  it('makes a new offscreen document and resends the batch when the document closed mid-batch', async () => {
    sendMessage.mockImplementationOnce(async () => {
      documents = 0; // the document is closed while it holds the batch
      throw new Error('A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received');
    });
    sendMessage.mockImplementationOnce(async () => ({ predictions: [prediction] }));
    const client = createInferenceClient();
    expect(await client.classify(['hello'])).toEqual([prediction]);
    expect(createDocument).toHaveBeenCalledTimes(2);
    expect(sendMessage).toHaveBeenCalledTimes(2);
  });

  it('passes the host’s own error up without resending', async () => {
    sendMessage.mockRejectedValue(new Error('Classifier returned 0 predictions for 1 texts'));
    const client = createInferenceClient();
    await expect(client.classify(['hello'])).rejects.toThrow(/0 predictions/);
    expect(sendMessage).toHaveBeenCalledTimes(1);
  });

  it(`gives up after ${OFFSCREEN_ATTEMPTS} documents disappeared in a row`, async () => {
    sendMessage.mockImplementation(async () => {
      documents = 0;
      throw new Error('Could not establish connection. Receiving end does not exist.');
    });
    const client = createInferenceClient();
    await expect(client.classify(['hello'])).rejects.toThrow(/Receiving end/);
    expect(sendMessage).toHaveBeenCalledTimes(OFFSCREEN_ATTEMPTS);
  });
});
