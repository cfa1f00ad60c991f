// A tiny static HTTP server on 127.0.0.1 for e2e tests, the demo and benches: routes map
// e-paper-like paths (/html/2024-01/01/content_1.htm) to files or strings, so URL detection runs.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Route = { file: string; type?: string } | { body: string | Uint8Array; type?: string };

export interface StaticServer {
  origin: string;
  url(path: string): string;
  set(path: string, route: Route): void;
  close(): Promise<void>;
}

export async function serve(routes: Record<string, Route> = {}, port = 0): Promise<StaticServer> {
  const table = new Map(Object.entries(routes));
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]!);
    const route = table.get(path);
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('not found');
      return;
    }
    const body = 'file' in route ? readFileSync(route.file) : route.body;
    res.writeHead(200, { 'content-type': route.type ?? guessType(path), 'cache-control': 'no-store' });
    res.end(body);
  });
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (p) => origin + p,
    set: (p, r) => void table.set(p, r),
    close: () => new Promise((r) => server.close(() => r())),
  };
}

function guessType(path: string): string {
  if (/\.html?$/.test(path) || path.endsWith('/')) return 'text/html';
  if (path.endsWith('.js')) return 'text/javascript';
  if (path.endsWith('.css')) return 'text/css';
  if (path.endsWith('.png')) return 'image/png';
  if (path.endsWith('.txt')) return 'text/plain; charset=utf-8';
  return 'application/octet-stream';
}
