/**
 * The nginx snippet README.md gives for static servers, read back so tests can hold its headers
 * to the `_headers` file the build publishes (tests/unit/deploy.test.ts, tests/e2e/github-pages.test.ts).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './build';

/** The `add_header NAME "VALUE" always;` lines of the README's nginx block: name → value. */
export function nginxSnippetHeaders(
  readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8'),
): Record<string, string> {
  const block = /```nginx\n([\s\S]*?)```/.exec(readme)?.[1];
  if (block === undefined) throw new Error('README.md has no ```nginx block');
  const headers: Record<string, string> = {};
  for (const m of block.matchAll(/^\s*add_header\s+(\S+)\s+"([^"]*)"\s+always;\s*$/gm)) {
    headers[m[1] ?? ''] = m[2] ?? '';
  }
  return headers;
}
