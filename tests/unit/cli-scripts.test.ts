/**
 * Every script's command line, run for real: a wrong option is one line and the usage, exit code
 * 2, no stack trace; --help prints the usage and exits 0.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/tsx/dist/cli.mjs');

function run(script: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [TSX, `scripts/${script}.ts`, ...args], { cwd: ROOT, stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Each script with its npm name and one wrong command line (a missing value or a bad one). */
const SCRIPTS: [script: string, name: string, wrong: string[], message: string][] = [
  ['check-content', 'check:content', ['--links=maybe'], '--links: expected one of error, warn, found "maybe"'],
  ['fix-content', 'fix:content', ['--encoding'], '--encoding: expected a value'],
  ['import-guides', 'import', ['SRC', '--out', 'DIR', '--assets'], '--assets: expected a value (DIR), found nothing'],
  ['bench', 'bench', ['--guides', 'many'], '--guides: expected a whole number from 1, found "many"'],
  ['generate-guides', 'generate:guides', ['--gudies', '5'], '--gudies: unknown option (did you mean --guides?)'],
  ['lighthouse', 'lighthouse', ['--dir'], '--dir: expected a value (DIR), found nothing'],
  [
    'new-guide',
    'new',
    ['A title', '--difficulty', 'expert', '--tags', 'cloud'],
    '--difficulty: expected one of beginner, intermediate, advanced, found "expert"',
  ],
  ['new-site', 'new-site', ['--dry-run=yes'], '--dry-run: expected no value, found "yes"'],
];

// Each case starts tsx and loads a script's imports (Lighthouse's are heavy): seconds when the
// machine is idle, past 30 s when other builds share its two cores.
const SPAWN_TIMEOUT = 90_000;

describe.each(SCRIPTS)('scripts/%s.ts', (script, name, wrong, message) => {
  it(
    'refuses a wrong option with one line, the usage and exit code 2',
    async () => {
      const { code, stdout, stderr } = await run(script, wrong);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      const [first, blank, usage] = stderr.split('\n');
      expect(first).toContain(`${name}: ${message}`);
      expect(blank).toBe('');
      expect(usage).toMatch(/^usage: npm run /);
      expect(stderr).toContain('  --help ');
      expect(stderr).not.toMatch(/^\s+at /m);
      expect(stderr).not.toMatch(/Error|node:internal/);
    },
    SPAWN_TIMEOUT,
  );

  it(
    'prints its usage for --help and exits 0',
    async () => {
      const { code, stdout, stderr } = await run(script, ['--help']);
      expect(code).toBe(0);
      expect(stderr).toBe('');
      expect(stdout).toMatch(/^usage: npm run /);
      expect(stdout).toContain('  --help ');
    },
    SPAWN_TIMEOUT,
  );
});

/** Scripts whose command line names a path to read, given one where nothing (or a file) is. */
const MISSING_PATHS: [script: string, name: string, args: string[], message: string][] = [
  [
    'check-content',
    'check:content',
    ['no-such-folder'],
    'DIR: expected a folder of guides, found nothing at "no-such-folder"',
  ],
  ['check-content', 'check:content', ['README.md'], 'DIR: expected a folder of guides, found a file at "README.md"'],
  [
    'fix-content',
    'fix:content',
    ['no-such-folder'],
    'DIR: expected a folder of guides, found nothing at "no-such-folder"',
  ],
  [
    'import-guides',
    'import',
    ['no-such-source', '--out', 'DIR', '--dry-run'],
    'SOURCE: expected a file or folder of guides, found nothing at "no-such-source"',
  ],
  [
    'lighthouse',
    'lighthouse',
    ['--dir', 'no-such-folder'],
    '--dir: expected a built site (index.html) in no-such-folder, found none; run `npm run build` first',
  ],
];

describe.each(MISSING_PATHS)('scripts/%s.ts given a path to nothing', (script, name, args, message) => {
  it(
    'says so in one line, with the usage, and exits 2',
    async () => {
      const { code, stdout, stderr } = await run(script, args);
      expect(stdout).toBe('');
      expect(stderr.split('\n')[0]).toBe(`${name}: ${message}`);
      expect(stderr).toMatch(/^usage: npm run /m);
      expect(stderr).not.toMatch(/^\s+at |node:internal|ENOENT/m);
      expect(code).toBe(2);
    },
    SPAWN_TIMEOUT,
  );
});
