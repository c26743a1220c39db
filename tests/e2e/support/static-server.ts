/**
 * A small static server for built sites: `/x/` serves `x/index.html`, unknown paths get the
 * site's 404.html with status 404, and the site can live under a base path. Optional extra
 * headers (a Content-Security-Policy, for example) are sent with every response.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { safeDecodeURIComponent } from '../../../src/lib/decode-uri';
import { mimeTypeOf } from '../../../src/lib/mime-types';

export interface StaticServer {
  url: string;
  /** Every path requested so far, in order. */
  requests: string[];
  close(): Promise<void>;
}

export async function serveStatic(
  root: string,
  options: { base?: string; headers?: Record<string, string> } = {},
): Promise<StaticServer> {
  const base = `/${(options.base ?? '/').replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    requests.push(url.pathname);
    const send = (file: string, status = 200) => {
      res.writeHead(status, {
        'Content-Type': mimeTypeOf(file),
        ...options.headers,
      });
      createReadStream(file).pipe(res);
    };
    const notFound = () => {
      const page = path.join(root, '404.html');
      if (existsSync(page)) send(page, 404);
      else {
        res.writeHead(404).end('Not found');
      }
    };
    if (!url.pathname.startsWith(base)) return notFound();
    let rel = safeDecodeURIComponent(url.pathname.slice(base.length));
    if (rel.includes('..')) return notFound();
    let file = path.join(root, rel);
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!url.pathname.endsWith('/')) {
        res.writeHead(301, { Location: `${url.pathname}/${url.search}` }).end();
        return;
      }
      rel = path.join(rel, 'index.html');
      file = path.join(root, rel);
    }
    if (existsSync(file) && statSync(file).isFile()) return send(file);
    return notFound();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
