/**
 * Builds a site for the browser tests with the real `astro build`, into its own folder under
 * .greenpath/test-sites/, so tests never touch the published dist/.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../../..');
/** One folder per test run, so that two runs at once (two developers' terminals) never collide. */
export const TEST_SITES = path.join(
  ROOT,
  '.greenpath/test-sites',
  `run-${process.env['GREENPATH_TEST_RUN'] ?? process.pid}`,
);

export interface BuildOptions {
  /** Folder name under .greenpath/test-sites/. */
  name: string;
  /** GUIDES_DIR, relative to the project root. */
  guidesDir?: string;
  basePath?: string;
  siteUrl?: string;
  env?: Record<string, string>;
  /** Remove the output folder first (default true). */
  clean?: boolean;
}

export interface BuildResult {
  outDir: string;
  code: number;
  /** The signal that ended the build, if one did (`code` is then 1). */
  signal: NodeJS.Signals | null;
  output: string;
}

/**
 * The environment without what the test runner put there: Vitest sets NODE_ENV=test and copies
 * import.meta.env (BASE_URL, MODE, DEV, PROD, SSR) into process.env, and Astro would take
 * BASE_URL=/ over the configured base path.
 */
export function cleanEnv(): Record<string, string> {
  const drop = new Set(['NODE_ENV', 'BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'TEST']);
  return Object.fromEntries(
    Object.entries(process.env).filter(
      (entry): entry is [string, string] =>
        entry[1] !== undefined && !drop.has(entry[0]) && !entry[0].startsWith('VITEST'),
    ),
  );
}

/**
 * SITE_CONFIG for a guides folder that carries its own `site.yaml` (tests/fixtures/site names
 * Arabic, which content/site.yaml does not), unless the test gives one: without it, the folder's
 * `ar/` translations would be built as English guides under their originals' slugs. Copies of the
 * folder carry the file with them, so every build of the fixture reads the same languages.
 */
export function siteConfigEnv(guidesDir: string | undefined, env: Record<string, string> = {}): Record<string, string> {
  if (!guidesDir || env['SITE_CONFIG']) return {};
  const file = path.join(path.resolve(ROOT, guidesDir), 'site.yaml');
  return existsSync(file) ? { SITE_CONFIG: file } : {};
}

export async function buildSite(options: BuildOptions): Promise<BuildResult> {
  const outDir = path.join(TEST_SITES, options.name);
  if (options.clean !== false) await rm(outDir, { recursive: true, force: true });
  const env: Record<string, string> = {
    ...cleanEnv(),
    ASTRO_TELEMETRY_DISABLED: '1',
    OUT_DIR: outDir,
    ...(options.guidesDir ? { GUIDES_DIR: options.guidesDir } : {}),
    ...siteConfigEnv(options.guidesDir, options.env),
    ...(options.basePath ? { BASE_PATH: options.basePath } : {}),
    ...(options.siteUrl ? { SITE_URL: options.siteUrl } : {}),
    ...options.env,
  };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ outDir, code: code ?? 1, signal, output }));
  });
}

/** Builds and throws with the build's output when it fails. */
export async function buildSiteOrThrow(options: BuildOptions): Promise<string> {
  const result = await buildSite(options);
  if (result.code !== 0) throw new Error(`Build "${options.name}" failed:\n${result.output}`);
  return result.outDir;
}

/**
 * A build's output as lines, for asserting on all of it: without colours, the time each line
 * starts with, "checked … in 52 ms" timings, and Astro's "Waiting for integration …" note (which
 * appears only when a hook takes more than 3 s, so on a busy machine).
 */
export function outputLines(output: string): string[] {
  return output
    .replace(/\u001b\[[0-9;]*m/g, '')
    .split('\n')
    .map((line) => line.replace(/^\d\d:\d\d:\d\d /, '').replace(/ in \d+ ms\b/, ' in # ms'))
    .filter((line) => line.trim() !== '' && !/^\[build\] Waiting for integration /.test(line));
}
