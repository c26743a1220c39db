/**
 * Checks every guide before Astro syncs or renders anything. All problems of all files are
 * reported in one run; errors stop the build before a single file is written, so the last good
 * `dist/` stays where it is. In `astro dev` problems are printed and the server keeps running.
 */
import type { AstroIntegration } from 'astro';
import { formatShort, sortDiagnostics } from '../schemas/errors';
import { checkGuideFolder, guidesDir } from '../lib/guide-files';

export class ContentError extends Error {
  constructor(lines: string[]) {
    super(`${lines.length} content error${lines.length === 1 ? '' : 's'} in the guides; nothing was built:\n${lines.join('\n')}`);
    this.name = 'ContentError';
    // The list is the message; a stack trace would only bury it.
    this.stack = this.message;
  }
}

export default function contentGuard(): AstroIntegration {
  return {
    name: 'greenpath:content-guard',
    hooks: {
      'astro:config:setup': async ({ command, logger }) => {
        if (command === 'preview') return;
        const { diagnostics } = await checkGuideFolder(guidesDir());
        const sorted = sortDiagnostics(diagnostics);
        for (const d of sorted.filter((x) => x.severity === 'warning')) logger.warn(formatShort(d));
        const errors = sorted.filter((d) => d.severity === 'error').map(formatShort);
        if (errors.length === 0) return;
        if (command === 'build') throw new ContentError(errors);
        for (const line of errors) logger.error(line);
      },
    },
  };
}
