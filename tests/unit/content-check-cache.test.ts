import { existsSync } from 'node:fs';
import { mkdir, rm, utimes, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../content-tools/check';

const DIR = '.greenpath/cache/content-check';

describe('the analysis cache', () => {
  it('is used for unchanged guides, and drops caches of folders not checked for a week', async () => {
    await mkdir(DIR, { recursive: true });
    const stale = `${DIR}/stale-${process.pid}.json`;
    const recent = `${DIR}/recent-${process.pid}.json`;
    await writeFile(stale, '{}');
    await writeFile(recent, '{}');
    const eightDaysAgo = new Date(Date.now() - 8 * 24 * 60 * 60 * 1000);
    await utimes(stale, eightDaysAgo, eightDaysAgo);
    await checkContent({ dir: 'tests/fixtures/site' });
    const again = await checkContent({ dir: 'tests/fixtures/site' });
    expect(again.cached).toBe(again.guides.length);
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(recent)).toBe(true);
    await rm(recent);
    const uncached = await checkContent({ dir: 'tests/fixtures/site', cache: false });
    expect(uncached.cached).toBe(0);
    expect(uncached.diagnostics).toEqual(again.diagnostics);
  }, 30_000);
});
