import { describe, expect, it } from 'vitest';
import { checkContent } from '../../content-tools/check';
import { formatLong } from '~/schemas/errors';

describe('the real library in content/', () => {
  it('passes the whole content check with no errors and no warnings', async () => {
    const report = await checkContent({ dir: 'content/guides', cache: false });
    expect(report.guides.length).toBeGreaterThanOrEqual(16);
    expect(report.diagnostics.map(formatLong)).toEqual([]);
  }, 60_000);

  it('gives the same result from the analysis cache', async () => {
    const fresh = await checkContent({ dir: 'content/guides', cache: false });
    await checkContent({ dir: 'content/guides' });
    const cached = await checkContent({ dir: 'content/guides' });
    expect(cached.cached).toBe(cached.guides.length);
    expect(cached.guides.map((g) => [...g.analysis.anchors])).toEqual(fresh.guides.map((g) => [...g.analysis.anchors]));
    expect(cached.diagnostics).toEqual(fresh.diagnostics);
  }, 60_000);
});
