/** A tiny static server for the built renderer, sending the same security headers as app://. */
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { RESPONSE_HEADERS, mimeType } from '../../../electron/main/window-config.js';

export interface StaticServer {
  origin: string;
  url: string;
  close(): Promise<void>;
}

export async function serveDirectory(root: string): Promise<StaticServer> {
  const base = path.resolve(root);
  const server: Server = createServer((req, res) => {
    void (async () => {
      const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      const file = path.resolve(base, pathname === '/' ? 'index.html' : `.${pathname}`);
      if (!file.startsWith(base + path.sep) || req.method !== 'GET') {
        res.writeHead(404, RESPONSE_HEADERS).end();
        return;
      }
      try {
        const body = await readFile(file);
        res.writeHead(200, { ...RESPONSE_HEADERS, 'Content-Type': mimeType(file), 'Cache-Control': 'no-store' }).end(body);
      } catch {
        res.writeHead(404, RESPONSE_HEADERS).end();
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: `${origin}/index.html`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
