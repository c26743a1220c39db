// Comments and READMEs name files by path; after a file moves, a stale name sends the reader to
// nothing. Every repository path ending in a source extension, and every ./relative one in code
// under src/, content-tools/ and scripts/, must name a file that exists.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const tracked = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { encoding: 'utf8' })
  .split('\n')
  .filter((file) => /\.(ts|astro|js|md|css)$/.test(file) && existsSync(file))
  // Guides and fixtures quote other projects' paths as examples; the baseline is a frozen copy.
  .filter((file) => !/^(content\/guides|tests\/fixtures|bench\/baseline)\//.test(file));

/** Names of files absent on purpose: snippets linted under made-up names, and example links. */
const MADE_UP = new Set([
  'src/lib/example.ts',
  'src/lib/calculators/example.ts',
  'src/integrations/example.ts',
  'content-tools/import/run.ts: ../setup.md',
]);

function missingReferences(): string[] {
  const missing: string[] = [];
  for (const file of tracked) {
    const text = readFileSync(file, 'utf8');
    for (const [, ref] of text.matchAll(
      /(?<![\w/.~@-])((?:src|content-tools|scripts|tests|bench)\/[\w./[\]-]+\.(?:ts|astro|css|md))\b/g,
    )) {
      if (!MADE_UP.has(ref!) && !existsSync(ref!)) missing.push(`${file}: ${ref}`);
    }
    if (!/^(src|content-tools|scripts)\//.test(file)) continue;
    for (const [, ref] of text.matchAll(/(?<![\w'"./])(\.\.?\/[\w./-]+\.(?:ts|astro|css|md))\b/g)) {
      if (MADE_UP.has(`${file}: ${ref}`)) continue;
      if (!existsSync(path.join(path.dirname(file), ref!))) missing.push(`${file}: ${ref} (relative)`);
    }
  }
  return missing;
}

describe('file references in comments and READMEs', () => {
  it('name files that exist', () => {
    expect(missingReferences()).toEqual([]);
  });
});
