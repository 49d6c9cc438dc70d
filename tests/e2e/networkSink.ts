/**
 * A proxy that lets nothing through and remembers everything that tried. The no-network tests point
 * the browser's proxy settings at it, so any request that would leave the browser from any context
 * (a tab, a content script, the service worker, the offscreen document, Firefox's background page,
 * whether or not the test driver can see that context) lands here instead of on the network.
 * Requests the test serves by interception (the saved pages) never reach it.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface NetworkSink {
  port: number;
  /** "CONNECT host:443", "GET http://host/path", "UPGRADE ws://…" in arrival order. */
  readonly attempts: readonly string[];
  close(): Promise<void>;
}

export async function startNetworkSink(): Promise<NetworkSink> {
  const attempts: string[] = [];
  const server: Server = createServer((request, response) => {
    attempts.push(`${request.method ?? '?'} ${request.url ?? ''}`);
    response.writeHead(403, { 'content-type': 'text/plain', connection: 'close' }).end('blocked by the Properso no-network test');
  });
  server.on('connect', (request, socket) => {
    attempts.push(`CONNECT ${request.url ?? ''}`);
    socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
  });
  server.on('upgrade', (request, socket) => {
    attempts.push(`UPGRADE ${request.url ?? ''}`);
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    attempts,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
