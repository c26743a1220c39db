/**
 * The media type of each kind of file the site publishes, by extension: one table for every
 * server that sends the built files (the dev server's search index, the e2e static server) and
 * for the carbon meter, which sorts a page's files by it. Pure: runs anywhere.
 */

const UTF8 = '; charset=utf-8';

export const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': `text/html${UTF8}`,
  '.css': `text/css${UTF8}`,
  '.js': `text/javascript${UTF8}`,
  '.mjs': `text/javascript${UTF8}`,
  '.json': `application/json${UTF8}`,
  '.xml': `application/xml${UTF8}`,
  '.txt': `text/plain${UTF8}`,
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

/** Files of any other kind (Pagefind's index chunks among them) are sent as bytes. */
export const UNKNOWN_TYPE = 'application/octet-stream';

/** `guides/x/index.html` → `text/html; charset=utf-8`; the extension is read case-insensitively. */
export function mimeTypeOf(file: string): string {
  const ext = /\.[^./\\]+$/.exec(file)?.[0].toLowerCase();
  return (ext && MIME_TYPES[ext]) || UNKNOWN_TYPE;
}
