/**
 * The build's clock. Must be the FIRST integration, so that it sees every other one.
 *
 * - Time limit: `astro build` is stopped with a clear message and exit code 1 when it runs past its
 *   limit (src/integrations/build-clock/build-time-limit.ts), by a watchdog thread that works even when the main thread
 *   is stuck in a parser. The message names the phase the build was in.
 * - Timings, only when `GREENPATH_BUILD_TIMINGS` names a file (`npm run bench` sets it): every
 *   hook of every integration is timed, and the list is written to that file when the process
 *   exits, successful or not, with the build report (src/lib/build-report.ts: how much of the
 *   content cache the sync reused). Build phases are read from hook boundaries, not from log lines.
 */
import { writeFileSync } from 'node:fs';
import type { AstroIntegration } from 'astro';
import { resolveTimeLimit, timeLimitMessage, type TimeLimit } from './build-time-limit';
import { listGuideFiles } from '../../../content-tools/guide-files';
import { guidesDir } from '../../data/guides-dir';
import { BAD_SETTING } from '../../lib/build-refusal';
import { startBuildReport, type BuildReport } from '../../lib/build-report';
import { refuseBuild } from './refuse-build';
import { startWatchdog, type Watchdog } from './watchdog';
import { timeHooks, type HookTiming } from '../../astro-internals/integration-hooks';

export type { HookTiming };

export const TIMINGS_ENV = 'GREENPATH_BUILD_TIMINGS';

export interface BuildTimings extends BuildReport {
  hooks: HookTiming[];
  /** Milliseconds since the process started, when it exited. */
  exit: number;
  exitCode: number;
}

export default function buildClock(): AstroIntegration {
  let watchdog: Watchdog | undefined;
  let record: HookTiming[] | undefined;
  /** This integration runs first in every hook, so its own hooks mark where each build step starts. */
  const phase = (hook: string, description: string) => {
    const now = performance.now();
    record?.push({ integration: 'greenpath:build-clock', hook, start: now, end: now });
    watchdog?.phase(description);
  };
  return {
    name: 'greenpath:build-clock',
    hooks: {
      'astro:config:setup': async ({ command, config, logger }) => {
        if (command !== 'build') return;
        const timingsFile = process.env[TIMINGS_ENV];
        if (timingsFile) {
          const hooks: HookTiming[] = (record = []);
          const report = startBuildReport();
          timeHooks(
            config.integrations.filter((i) => i.name !== 'greenpath:build-clock'),
            hooks,
          );
          process.on('exit', (exitCode) => {
            const timings: BuildTimings = { ...report, hooks, exit: performance.now(), exitCode };
            writeFileSync(timingsFile, JSON.stringify(timings, null, 2));
          });
        }
        // A missing guides folder is the content guard's to report; here it only means no guides.
        const guides = await listGuideFiles(guidesDir()).catch(() => []);
        let limit: TimeLimit;
        try {
          limit = resolveTimeLimit(process.env, guides.length);
        } catch (error) {
          // A BUILD_TIME_LIMIT that is not a number of seconds: a message, not a crash.
          return refuseBuild(logger, [(error as Error).message], BAD_SETTING);
        }
        watchdog = startWatchdog({
          seconds: limit.seconds - performance.now() / 1000,
          message: timeLimitMessage(limit),
          phase: 'checking the guides and setting up',
        });
      },
      'astro:config:done': () =>
        phase('astro:config:done', 'syncing content: reading and rendering the Markdown guides'),
      'astro:build:start': () => phase('astro:build:start', 'bundling the site and rendering its pages'),
      'astro:build:generated': () => phase('astro:build:generated', 'writing the search index and publishing'),
      'astro:build:done': () => phase('astro:build:done', 'writing the search index and publishing'),
    },
  };
}
