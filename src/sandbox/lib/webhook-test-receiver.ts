import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * For tests: a real HTTP receiver on 127.0.0.1 (port 0) that records every
 * request and answers with the status and body `respond` gives (by default
 * 200 and an echo of the request body).
 */
export interface ReceivedRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface TestReceiver {
  url: string;
  port: number;
  requests: ReceivedRequest[];
  close(): Promise<void>;
}

export type Respond = (req: ReceivedRequest, n: number) => { status: number; body?: string } | 'hang';

export async function startTestReceiver(respond: Respond = (r) => ({ status: 200, body: r.body })): Promise<TestReceiver> {
  const requests: ReceivedRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const got: ReceivedRequest = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      requests.push(got);
      const answer = respond(got, requests.length);
      if (answer === 'hang') return;
      res.writeHead(answer.status, { 'content-type': 'text/plain' });
      res.end(answer.body ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A local port that nothing listens on (a receiver started, then closed). */
export async function closedPort(): Promise<number> {
  const r = await startTestReceiver();
  await r.close();
  return r.port;
}
