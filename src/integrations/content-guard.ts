/**
 * Checks every guide before Astro syncs or renders anything. All problems of all files are
 * reported in one run; errors stop the build before a single file is written, so the last good
 * `dist/` stays where it is. In `astro dev` problems are printed and the server keeps running.
 *
 * It also decides, from the command alone, whether drafts are published: only `astro dev` shows
 * them (read in src/lib/content.ts as import.meta.env.GREENPATH_DRAFTS).
 */
import type { AstroIntegration } from 'astro';
import { formatShort, sortDiagnostics } from '../schemas/errors';
import { checkGuideFolder, guidesDir } from '../lib/guide-files';

export class ContentError extends Error {
  constructor(lines: string[]) {
    super(
      `${lines.length} content error${lines.length === 1 ? '' : 's'} in the guides; nothing was built:\n${lines.join('\n')}`,
    );
    this.name = 'ContentError';
    // The list is the message; a stack trace would only bury it.
    this.stack = this.message;
  }
}

export default function contentGuard(): AstroIntegration {
  return {
    name: 'greenpath:content-guard',
    hooks: {
      'astro:config:setup': async ({ command, logger, updateConfig }) => {
        updateConfig({ vite: { define: { 'import.meta.env.GREENPATH_DRAFTS': JSON.stringify(command === 'dev') } } });
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
