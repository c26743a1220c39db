import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { fixContent } from '../../content-tools/check/fix';
import { formatLong } from '~/schemas/errors';
import { DAMAGES } from '../fixtures/damage-sources/manifest';

const FIXTURE = 'tests/fixtures/import-jekyll/_guides';
const WORK = `.greenpath/test-guides/fix-${process.pid}`;
afterAll(() => rm(WORK, { recursive: true, force: true }));

async function copyFixture(name: string): Promise<string> {
  const dir = `${WORK}/${name}`;
  await cp(FIXTURE, dir, { recursive: true });
  return dir;
}

async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of (await readdir(dir)).sort()) {
    out[name] = createHash('sha256')
      .update(await readFile(path.join(dir, name)))
      .digest('hex');
  }
  return out;
}

describe('npm run fix:content', () => {
  it('changes nothing in a dry run, and says what it would repair', async () => {
    const dir = await copyFixture('dry');
    const before = await snapshot(dir);
    const result = await fixContent({ dir, dryRun: true, backupDir: `${WORK}/dry-backups` });
    expect(await snapshot(dir)).toEqual(before);
    expect(result.backupDir).toBeUndefined();
    expect(result.files.map((f) => [f.relativePath, f.repairs.length, f.written])).toEqual([
      ['2024-06-10-tools-and-tips.md', 2, false],
      ['2024-07-01-emoji-reactions.md', 14, false],
      ['2024-07-02-turkish-notes.md', 15, false],
      ['2024-07-03-quotes-and-emoji.md', 6, false],
      ['2024-07-04-thumbs-up.md', 2, false],
      ['2024-07-05-reactions-tr.md', 3, false],
      ['2024-07-06-cafe-notes.md', 1, false],
    ]);
  }, 30_000);

  it('repairs exactly, leaves clean files byte-identical, backs up what it changes and lists what is left', async () => {
    const dir = await copyFixture('real');
    const before = await snapshot(dir);
    const result = await fixContent({ dir, backupDir: `${WORK}/real-backups` });
    const after = await snapshot(dir);
    const changed = Object.keys(after).filter((name) => after[name] !== before[name]);
    expect(changed).toEqual(result.files.map((f) => f.relativePath));
    for (const damage of DAMAGES.filter((d) => d.reversible)) {
      expect(
        (await readFile(path.join(dir, damage.target))).equals(
          await readFile(`tests/fixtures/damage-sources/${damage.source}`),
        ),
      ).toBe(true);
    }
    for (const file of result.files) {
      expect(file.backup).toBe(`${WORK}/real-backups/${dir}/${file.relativePath}`);
      expect(await readFile(file.backup as string)).toEqual(await readFile(path.join(FIXTURE, file.relativePath)));
    }
    const left = result.report.diagnostics.filter((d) => ['mojibake', 'entity', 'encoding'].includes(d.rule));
    expect(left.map(formatLong).map((line) => line.slice(dir.length + 1, line.indexOf(' is a character')))).toEqual([
      '2024-07-04-thumbs-up.md:10:47 error mojibake: "ðŸ‘"',
      '2024-07-04-thumbs-up.md:11:9 error mojibake: "â€"',
      '2024-07-05-reactions-tr.md:10:22 error mojibake: "ğŸ‘�"',
      '2024-07-05-reactions-tr.md:11:27 error mojibake: "â€�"',
    ]);
    // A second run finds nothing more it can repair with certainty, and writes nothing.
    const again = await fixContent({ dir, backupDir: `${WORK}/again-backups` });
    expect(again.files).toEqual([]);
    expect(await snapshot(dir)).toEqual(after);
  }, 30_000);

  it('prints a summary per file from the command line and exits 1 while errors remain', async () => {
    const dir = await copyFixture('cli');
    const run = promisify(execFile)(path.resolve('node_modules/.bin/tsx'), [
      'scripts/fix-content.ts',
      dir,
      '--dry-run',
    ]);
    const error = await run.then(() => undefined).catch((e: { code: number; stdout: string }) => e);
    expect(error?.code).toBe(1);
    expect(error?.stdout).toContain(`${dir}/2024-07-06-cafe-notes.md: would repair 1 place`);
    expect(error?.stdout).toContain('3:12 encoding: "Windows-1252 = Windows-1254 = Latin-1" → "UTF-8"');
    expect(error?.stdout).toContain('Dry run: 7 files would change; nothing was written.');
    expect(error?.stdout).toContain('Still to fix by hand:');
  }, 60_000);
});
