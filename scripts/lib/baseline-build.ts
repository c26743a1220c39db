/**
 * Builds the bench's baseline site (bench/baseline/) from the bench's guides, measured as the
 * bench measures Greenpath's builds (./measure-build.ts). Its output and Astro cache live in
 * the bench's work folder, apart from Greenpath's. Node only.
 */
import { existsSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { DATA_STORE_FILE as STORE_FILE } from '../../src/astro-internals/data-store-module';
import type { PairedRun, SiteRun } from './bench-baseline';
import { measureNodeProcess, type MeasuredProcess } from './measure-build';

export interface BaselineBuild extends MeasuredProcess {
  kind: 'cold' | 'warm';
  /** Guide pages in the output: one per published guide, or the comparison means nothing. */
  pages: number;
}

export interface BaselineBench {
  /** Builds the baseline; 'cold' first clears its output and cache. Throws when the build fails. */
  build(kind: 'cold' | 'warm', runIndex: number): Promise<BaselineBuild>;
  /** Each run's builds beside Greenpath's builds of the same run. */
  paired(greenpath: { cold: readonly SiteRun['cold'][]; warm: readonly SiteRun['warm'][] }): PairedRun[];
  /** The baseline's builds, for the bench's JSON without their output. */
  runs(): Omit<BaselineBuild, 'output'>[];
}

export function baselineBench(options: {
  root: string;
  guidesDir: string;
  work: string;
  /** How many guides are published, so how many pages the baseline must write. */
  publishedGuides: number;
}): BaselineBench {
  const { root, guidesDir, work, publishedGuides } = options;
  const outDir = path.join(work, 'baseline-dist');
  const cacheDir = path.join(work, 'baseline-cache');
  const builds: { cold?: BaselineBuild; warm?: BaselineBuild }[] = [];

  const env = (): NodeJS.ProcessEnv => {
    const inherited: NodeJS.ProcessEnv = { ...process.env };
    for (const key of ['NODE_ENV', 'BASE_URL', 'BASE_PATH', 'SITE_URL']) delete inherited[key];
    return { ...inherited, ASTRO_TELEMETRY_DISABLED: '1', GUIDES_DIR: guidesDir, OUT_DIR: outDir, CACHE_DIR: cacheDir };
  };

  return {
    async build(kind, runIndex) {
      if (kind === 'cold') {
        await rm(outDir, { recursive: true, force: true });
        await rm(cacheDir, { recursive: true, force: true });
      } else if (!existsSync(path.join(cacheDir, STORE_FILE))) {
        throw new Error(
          `The baseline's warm build has no content store at ${path.join(cacheDir, STORE_FILE)} to reuse`,
        );
      }
      const measured = await measureNodeProcess({
        nodeArgs: [path.join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--root', 'bench/baseline'],
        cwd: root,
        env: env(),
        timeFile: path.join(work, `time-baseline-${kind}.txt`),
      });
      if (measured.exitCode !== 0) {
        throw new Error(
          `${measured.output.split('\n').slice(-40).join('\n')}\n\nThe baseline's ${kind} build failed (exit ${measured.exitCode}); the benchmark stops here.`,
        );
      }
      const pages = (await readdir(path.join(outDir, 'guides'), { recursive: true })).filter(
        (file) => path.basename(file) === 'index.html',
      ).length;
      if (pages !== publishedGuides) {
        throw new Error(
          `The baseline's ${kind} build wrote ${pages} guide pages, expected ${publishedGuides} (one per published guide)`,
        );
      }
      const run = { kind, ...measured, pages };
      builds[runIndex] = { ...builds[runIndex], [kind]: run };
      return run;
    },
    paired(greenpath) {
      return builds.map((b, i) => {
        const [gCold, gWarm] = [greenpath.cold[i], greenpath.warm[i]];
        if (!b.cold || !b.warm || !gCold || !gWarm) throw new Error(`Run ${i + 1} lacks a cold or warm build`);
        return { greenpath: { cold: gCold, warm: gWarm }, baseline: { cold: b.cold, warm: b.warm } };
      });
    },
    runs() {
      return builds.flatMap((b) => [b.cold, b.warm]).flatMap((run) => (run ? [withoutOutput(run)] : []));
    },
  };
}

function withoutOutput({ output: _output, ...rest }: BaselineBuild): Omit<BaselineBuild, 'output'> {
  return rest;
}
