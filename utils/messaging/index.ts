/**
 * Typed send and receive over `browser.runtime` messages (webextension-polyfill: every call is a Promise).
 * A handler map must answer every message type of its receiver, so adding a type to the protocol fails
 * the typecheck until its receiver handles it.
 */
import { browser } from 'wxt/browser';
import { isMessageTo, type Message, type Receiver, type Replies } from './protocol';

export * from './protocol';

export type Sender = { tab?: { id?: number }; url?: string; id?: string };

/** Sends one message and resolves with its receiver's typed reply. */
export async function sendMessage<M extends Message>(message: M): Promise<Replies[M['type']]> {
  return (await browser.runtime.sendMessage(message)) as Replies[M['type']];
}

export type Handlers<R extends Receiver> = {
  [T in Extract<Message, { to: R }>['type']]: (
    message: Extract<Message, { to: R; type: T }>,
    sender: Sender,
  ) => Promise<Replies[T]> | Replies[T];
};

/**
 * Answers the messages addressed to `receiver`; returns undefined for the others so that another
 * listener (the offscreen document, a popup) may answer them. Returns the remover.
 */
export function handleMessages<R extends Receiver>(receiver: R, handlers: Handlers<R>): () => void {
  const listener = (message: unknown, sender: Sender): Promise<unknown> | undefined => {
    if (!isMessageTo(message, receiver)) return undefined;
    const handler = handlers[message.type as keyof Handlers<R>] as
      | ((m: unknown, s: Sender) => unknown)
      | undefined;
    if (!handler) return Promise.reject(new Error(`No handler for ${receiver} message ${message.type}`));
    return Promise.resolve().then(() => handler(message, sender));
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
