/**
 * The Astro releases this folder's assumptions were checked against (./README.md), and a warning
 * at start-up when the installed `astro` is another: an upgrade may have moved what they rely on,
 * and ./README.md says what to check. The range is declared here and nowhere else.
 */
import { createRequire } from 'node:module';
import type { AstroIntegration } from 'astro';

/** Tested: from `from` (included) to `below` (excluded). */
export const TESTED_ASTRO = { from: '7.3.0', below: '7.4.0' } as const;

type Triple = [number, number, number];

/** `7.3.5` → [7, 3, 5]; a pre-release counts as its release (`7.4.0-beta.1` → [7, 4, 0]). */
function parse(version: string): Triple | undefined {
  const match = /^v?(\d+)\.(\d+)\.(\d+)(?:[-+].*)?$/.exec(version.trim());
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : undefined;
}

function compare(a: Triple, b: Triple): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/** Whether `version` is in `range`; a version that cannot be read is not. */
export function isTestedAstro(version: string, range: { from: string; below: string } = TESTED_ASTRO): boolean {
  const [v, from, below] = [parse(version), parse(range.from), parse(range.below)];
  if (!v || !from || !below) return false;
  return compare(v, from) >= 0 && compare(v, below) < 0;
}

/** The warning for an installed `version` outside the tested range, or `undefined` inside it. */
export function untestedAstroWarning(version: string): string | undefined {
  if (isTestedAstro(version)) return undefined;
  return (
    `astro ${version} is installed; Greenpath's reliance on Astro internals was checked with ` +
    `>=${TESTED_ASTRO.from} <${TESTED_ASTRO.below}. Run \`npx vitest run --project unit tests/unit/astro-internals.test.ts\` ` +
    'and see src/astro-internals/README.md before trusting this build.'
  );
}

export default function astroVersionCheck(): AstroIntegration {
  return {
    name: 'greenpath:astro-version',
    hooks: {
      'astro:config:setup': ({ config, logger }) => {
        // The astro the project resolves, as Astro itself was loaded.
        const require = createRequire(new URL('package.json', config.root));
        const { version } = require('astro/package.json') as { version: string };
        const warning = untestedAstroWarning(version);
        if (warning) logger.warn(warning);
      },
    },
  };
}
