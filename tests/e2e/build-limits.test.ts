/**
 * A build never publishes a broken site and never runs forever: a guide that fails to render
 * fails the build (Astro alone logs the error, prints "Complete!" and publishes an empty page),
 * and a build past its time limit is stopped with a message, even when its main thread is stuck.
 */
import { spawn } from 'node:child_process';
import { cp, mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, buildSiteOrThrow, outputLines, ROOT } from './support/build';
import { hashTree } from './support/site';

/** What reads as the tool failing rather than refusing: Astro's hook wrapper, stacks, raw error reports. */
const CRASH_LIKE = /unhandled error|Stack trace|^\s+at |Failed to parse|^\[ERROR\] \[glob-loader\]|ImageNotFound/;

const scratch = path.join(ROOT, '.greenpath/test-guides', `unrenderable-${process.pid}`);
const guidesDir = path.relative(ROOT, scratch);

/**
 * Emphasis nested 2,500 deep, one `*a` a line and then one `a*` a line: every line is short and
 * no list is in sight, yet parsing it costs micromark seconds and the tree overflows the stack of
 * recursive walks. The input limits refuse it before Astro parses anything.
 */
function nestedEmphasis(depth = 2500): string {
  return `---\ntitle: Nested emphasis\ndate: 2025-01-01\ndifficulty: beginner\ntags: [cloud]\ndescription: Emphasis nested too deep to render.\n---\n\nFirst paragraph.\n\n${'*a\n'.repeat(depth)}${'a*\n'.repeat(depth)}`;
}

/** Runs `script` in a Node process of its own: how it ended, and what it wrote to stderr. */
function runNode(script: string): Promise<{ code: number | null; signal: string | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code, signal) => resolve({ code, signal, stderr }));
  });
}

let good = '';
let before: Record<string, string> = {};

beforeAll(async () => {
  await rm(scratch, { recursive: true, force: true });
  await mkdir(scratch, { recursive: true });
  await cp(path.join(ROOT, 'tests/fixtures/site'), scratch, { recursive: true });
  good = await buildSiteOrThrow({ name: 'limits', guidesDir });
  before = await hashTree(good);
  await writeFile(path.join(scratch, 'nested-emphasis.md'), nestedEmphasis());
});
afterAll(() => rm(scratch, { recursive: true, force: true }));

describe('a guide nested too deep to render', () => {
  // What the build does with a guide that passes every limit and still fails to render (Astro
  // alone would log it and publish an empty page) is covered in tests/unit/strict-loader.test.ts.
  it('fails the build with the file, the line and the limit, before parsing it, and publishes nothing', async () => {
    const result = await buildSite({ name: 'limits', guidesDir, clean: false });
    expect(result.code).toBe(1);
    const lines = outputLines(result.output);
    // Front matter and the first paragraph take lines 1-10; the 21st closing `a*` is on line 2,510 + 21.
    // The checker's line and one summary line end the output; nothing before them reads as a crash.
    expect(lines.slice(-2)).toEqual([
      `[ERROR] [greenpath:content-guard] ${guidesDir}/nested-emphasis.md:2531 emphasis: expected emphasis, strong emphasis and strikethrough nested at most 20 levels deep in one paragraph, found 2,500 levels; it passes the limit on this line`,
      '[ERROR] [greenpath:content-guard] Build refused: 1 content error in 1 file. Nothing was published: the previous output is as it was.',
    ]);
    expect(lines.filter((line) => CRASH_LIKE.test(line))).toEqual([]);
    expect(result.output).not.toMatch(/Maximum call stack|could not be rendered|Syncing content|Complete!/);
    expect(await hashTree(good)).toEqual(before);
  }, 240_000);
});

describe('the build time limit', () => {
  it('stops a build that runs past BUILD_TIME_LIMIT, says why and keeps the last good output', async () => {
    await rm(path.join(scratch, 'nested-emphasis.md'));
    const started = Date.now();
    const result = await buildSite({ name: 'limits', guidesDir, clean: false, env: { BUILD_TIME_LIMIT: '2' } });
    // Exit code 1 like any refused build; ended by a signal, npm would print "signal SIGTERM".
    expect(result).toMatchObject({ code: 1, signal: null });
    expect(Date.now() - started).toBeLessThan(30_000);
    const lines = outputLines(result.output);
    expect(lines.slice(-3)).toEqual([
      'Build stopped: it was still running after 2 s, its time limit (BUILD_TIME_LIMIT=2).',
      expect.stringMatching(/^It was [a-z].*\. Nothing was published: the previous output is as it was\.$/),
      'A guide that makes the Markdown parser work far too hard is the usual cause; to allow more time, set BUILD_TIME_LIMIT to a number of seconds.',
    ]);
    expect(lines.filter((line) => CRASH_LIKE.test(line))).toEqual([]);
    expect(result.output).not.toContain('Complete!');
    expect(await hashTree(good)).toEqual(before);
  }, 120_000);

  it('refuses a BUILD_TIME_LIMIT that is not a number of seconds', async () => {
    const result = await buildSite({ name: 'limits', guidesDir, clean: false, env: { BUILD_TIME_LIMIT: 'soon' } });
    expect(result.code).toBe(1);
    expect(outputLines(result.output)).toEqual([
      '[ERROR] [greenpath:build-clock] BUILD_TIME_LIMIT: expected a number of seconds greater than 0, found "soon"',
      '[ERROR] [greenpath:build-clock] Build refused: a setting is not valid. Nothing was published: the previous output is as it was.',
    ]);
    expect(await hashTree(good)).toEqual(before);
  }, 120_000);

  it('prints its message last, after every line the main thread was still writing', async () => {
    // A busy build writes while the limit passes; its lines must not land after the message.
    const watchdog = path.join(ROOT, 'src/integrations/build-clock/watchdog.ts');
    const script = `import(${JSON.stringify(watchdog)}).then(({ startWatchdog }) => {
      startWatchdog({ seconds: 0.5, message: 'Stopped while {phase}.', phase: 'writing' });
      let n = 0;
      const write = () => { process.stderr.write('line ' + n++ + '\\n'); setImmediate(write); };
      write();
    });`;
    const { code, stderr } = await runNode(script);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^line 0\n/);
    expect(stderr.trimEnd().split('\n').at(-1)).toBe('Stopped while writing.');
  }, 30_000);

  it('stops a process whose main thread never yields', async () => {
    const watchdog = path.join(ROOT, 'src/integrations/build-clock/watchdog.ts');
    const script = `import(${JSON.stringify(watchdog)}).then(({ startWatchdog }) => {
      const dog = startWatchdog({ seconds: 1, message: 'Stopped while {phase}.', phase: 'starting' });
      dog.phase('spinning');
      setTimeout(() => { for (;;) {} }, 50);
    });`;
    const started = Date.now();
    const { code, signal, stderr } = await runNode(script);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(code === 0).toBe(false);
    expect(signal).toMatch(/SIGTERM|SIGKILL/);
    expect(stderr).toContain('Stopped while spinning.');
  }, 30_000);
});
