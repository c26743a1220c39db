/**
 * Ends `astro build` from inside an integration hook with our own report and exit code 1.
 * Astro answers anything thrown from a hook with "An unhandled error occurred while running the
 * … hook" and a "Stack trace:" section (astro/dist/integrations/hooks.js and
 * core/messages/runtime.js: src/astro-internals/README.md), which makes a list of content errors read
 * like a crash. So the hook prints the list and one summary line through its logger and ends the
 * process itself. Only for builds, before anything is written; `process.exit` still runs 'exit'
 * listeners (the build timings). Node only.
 */
import type { AstroIntegrationLogger } from 'astro';
import { refusalSummary } from '../../lib/build-refusal';

const flushed = (stream: NodeJS.WriteStream) => new Promise<void>((resolve) => stream.write('', () => resolve()));

export async function refuseBuild(
  logger: AstroIntegrationLogger,
  lines: readonly string[],
  reason: string,
): Promise<never> {
  for (const line of lines) logger.error(line);
  logger.error(refusalSummary(reason));
  process.exitCode = 1;
  // Pipes are asynchronous on some systems: let them take every line first. The hook never
  // returns, so Astro goes no further in the meantime.
  await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
  return process.exit();
}
