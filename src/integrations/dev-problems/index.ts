/**
 * Brings content problems to the author in `astro dev`, where a build would stop on them: on every
 * save in the guides folder the whole content check runs again (unchanged guides come from its
 * cache), the terminal prints the saved files' problems in the build's own `file:line` form, and
 * every open page shows the current list in a banner (./banner.ts) that updates as problems are
 * fixed. The banner's script is added only to `astro dev`: a build ships none of it.
 *
 * Astro's own message for a refused front matter (Zod's raw issues) is left out by ./loader.ts;
 * this integration prints the problems instead, and that the guide's page is out of date.
 */
import type { AstroIntegration } from 'astro';
import type { ViteDevServer } from 'vite';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkContent, type ContentReport } from '../../../content-tools/check';
import { readCheckEnv, readCheckFlags, type CheckFlags } from '../../../content-tools/check/flags';
import {
  buildProblemList,
  changeReport,
  DEV_PROBLEMS_EVENT,
  DEV_PROBLEMS_PATH,
  type DevProblemList,
} from '../../lib/dev-problems';
import { GUIDE_EXTENSIONS } from '../../../content-tools/guide-files';
import { guidesDir } from '../../data/guides-dir';

const BANNER_SCRIPT = fileURLToPath(new URL('./banner.ts', import.meta.url));
/** Saves arrive in bursts (an editor writes, renames, touches): one check for the lot. */
const SETTLE_MS = 60;

export default function devProblems(options: CheckFlags = {}): AstroIntegration {
  let base = '/';
  return {
    name: 'greenpath:dev-problems',
    hooks: {
      'astro:config:setup': ({ command, config, injectScript }) => {
        if (command !== 'dev') return;
        base = config.base;
        injectScript('page', `import ${JSON.stringify(BANNER_SCRIPT)};`);
      },
      'astro:server:setup': async ({ server, logger }) => {
        const root = process.cwd();
        const dir = guidesDir();
        const absDir = path.resolve(root, dir);
        // The same switches as the build's content guard, so dev reports what a build would.
        const flags = { ...options, ...readCheckEnv(process.env), ...readCheckFlags(process.argv.slice(2)) };
        const check = () => checkContent({ dir, root, ...flags });

        let version = 0;
        const listOf = (report: ContentReport): DevProblemList =>
          buildProblemList(report.diagnostics, report.guides, base, (version += 1));
        // The content guard has already printed the problems at start-up; this only records them.
        let report = await check();
        let list = listOf(report);

        server.middlewares.use(DEV_PROBLEMS_PATH, (_request, response) => {
          response.setHeader('Content-Type', 'application/json');
          response.setHeader('Cache-Control', 'no-store');
          response.end(JSON.stringify(list));
        });

        const changed = new Set<string>();
        let timer: ReturnType<typeof setTimeout> | undefined;
        let running: Promise<void> = Promise.resolve();
        const recheck = async () => {
          const saved = new Set(changed);
          changed.clear();
          try {
            const next = await check();
            for (const line of changeReport(report.diagnostics, next.diagnostics, saved)) logger[line.level](line.text);
            report = next;
            list = listOf(report);
            send(server, list);
          } catch (error) {
            logger.error(`the content check failed: ${error instanceof Error ? error.message : String(error)}`);
          }
        };
        const onFileEvent = (file: string) => {
          const relative = path.relative(absDir, file);
          if (relative.startsWith('..') || path.isAbsolute(relative)) return;
          // A deleted folder takes its guides with it; other files in the folder are not guides.
          if (GUIDE_EXTENSIONS.test(file)) changed.add(path.relative(root, file).split(path.sep).join('/'));
          clearTimeout(timer);
          // Checks run one after another, each seeing every save made before it started.
          timer = setTimeout(() => {
            running = running.then(recheck);
          }, SETTLE_MS);
        };
        server.watcher.add(absDir);
        for (const event of ['add', 'change', 'unlink', 'unlinkDir'] as const) server.watcher.on(event, onFileEvent);
      },
    },
  };
}

function send(server: ViteDevServer, list: DevProblemList): void {
  server.environments.client.hot.send(DEV_PROBLEMS_EVENT, list);
}
