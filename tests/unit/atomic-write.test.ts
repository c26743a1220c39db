import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '~/node/atomic-write';

let dir: string;
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('writeFileAtomic', () => {
  it('replaces a file whole', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'atomic-'));
    const file = path.join(dir, 'guide.md');
    await writeFile(file, 'old');
    await writeFileAtomic(file, 'new');
    expect(await readFile(file, 'utf8')).toBe('new');
    expect(await readdir(dir)).toEqual(['guide.md']);
  });

  it('leaves the old file and no temporary file when interrupted before the rename', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'atomic-'));
    const file = path.join(dir, 'guide.md');
    await writeFile(file, 'old');
    let sawTemp = '';
    const crash = writeFileAtomic(file, 'new text', {
      beforeRename: async (temp) => {
        sawTemp = await readFile(temp, 'utf8');
        throw new Error('killed');
      },
    });
    await expect(crash).rejects.toThrow('killed');
    expect(sawTemp).toBe('new text');
    expect(await readFile(file, 'utf8')).toBe('old');
    expect(await readdir(dir)).toEqual(['guide.md']);
  });
});
