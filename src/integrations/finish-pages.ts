/**
 * The one pass over the finished pages, after Astro has written them and before they are
 * indexed for search (./pagefind.ts) and published (./atomic-output.ts): every HTML page is read
 * once, gets its final Content-Security-Policy (./security-headers.ts), is measured and given its
 * carbon figure (./carbon-figure.ts, which must see the final HTML, so it comes last), and is
 * written once. Two passes that each read and wrote every page cost 4 s of every 1,000-guide
 * build, most of it waiting on the disk one file at a time.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { normaliseBase } from '../lib/urls-base';
import { measurePages } from './carbon-figure';
import { FinishedPages } from './finished-pages';
import { securePages } from './security-headers';

export default function finishPages(): AstroIntegration {
  let base = '/';
  return {
    name: 'greenpath:finish-pages',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = normaliseBase(config.base);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const pages = await FinishedPages.read(fileURLToPath(dir));
        await securePages(pages, logger);
        await measurePages(pages, base, logger);
        await pages.write();
      },
    },
  };
}
