/**
 * Facts in the real library that were once wrong (issue 11, item 10), each checked against its
 * primary source. Every test asserts the corrected fact and its footnote are present and the old
 * claim is gone, so an edit that brings the mistake back fails here rather than in a reader's inbox.
 */
import { describe, expect, it } from 'vitest';
import { checkGuideFolder } from '../../content-tools/guide-files';
import { guideSlug } from '~/lib/slug';

const { guides } = await checkGuideFolder('content/guides');

function guide(slug: string) {
  const found = guides.find((g) => guideSlug(g.relativePath, g.parsed.data) === slug);
  if (!found) throw new Error(`no guide with slug ${slug} in content/guides`);
  return { body: found.parsed.body, difficulty: found.frontmatter?.difficulty };
}

/** The sentences (or table cells and list items) of a body, so two facts can be required together. */
function sentences(body: string): string[] {
  return body.split(/(?<=[.!?;])\s+|\n+|\s\|\s/).filter((s) => s.trim() !== '');
}

function footnote(body: string, label: string): string {
  return body.match(new RegExp(`^\\[\\^${label}\\]:.*$`, 'm'))?.[0] ?? '';
}

const POWERCAP_COMMIT = 'https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git/commit/?id=43756a2989';
const PERF_COMMIT = 'https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git/commit/?id=5cde265384';

/** AMD RAPL reached powercap in 5.11; 5.8 only added it to perf. Any mention of 5.8 must be about perf. */
function expectKernelVersionsRight(body: string) {
  expect(sentences(body).some((s) => /5\.11\b/.test(s) && /AMD/.test(s))).toBe(true);
  expect(footnote(body, 'amd-powercap')).toContain(POWERCAP_COMMIT);
  for (const s of sentences(body).filter((s) => /\b5\.8\b/.test(s))) expect(s).toMatch(/perf/);
}

describe('corrections to the library', () => {
  it('ghg-scopes-for-tech-teams: web-based software has direct, required use-phase emissions', () => {
    const { body } = guide('ghg-scopes-for-tech-teams');
    expect(body).toMatch(/Table 11\.1/);
    expect(sentences(body).some((s) => /web-based software/.test(s) && /direct/.test(s))).toBe(true);
    expect(body).toMatch(/required/);
    expect(body).toMatch(/debated|disagree|not settled/);
    expect(footnote(body, 'scope3-guidance')).toContain('Technical Guidance for Calculating Scope 3 Emissions');
    // The old claim: customers running your software are indirect, optional use-phase emissions.
    for (const s of sentences(body).filter((s) => /software/i.test(s))) expect(s).not.toMatch(/\bindirect\b/);
  });

  it('measuring-ml-emissions-with-codecarbon: AMD powercap needs Linux 5.11, and CodeCarbon documents sysfsutils', () => {
    const { body } = guide('measuring-ml-emissions-with-codecarbon');
    expectKernelVersionsRight(body);
    expect(body).toContain('/etc/sysfs.conf');
    expect(body).toMatch(/`codecarbon` group|group `codecarbon`/);
    expect(body).not.toMatch(/udev/i);
  });

  it('measuring-energy-with-rapl-and-nvml: powercap from 5.11, perf power/energy-pkg from 5.8', () => {
    const { body } = guide('measuring-energy-with-rapl-and-nvml');
    expectKernelVersionsRight(body);
    expect(sentences(body).some((s) => /\b5\.8\b/.test(s) && /power\/energy-pkg/.test(s))).toBe(true);
    expect(footnote(body, 'amd-perf')).toContain(PERF_COMMIT);
  });

  it('embodied-carbon-and-hardware-lifetime: cites NIST SP 800-88 Rev. 2, not the withdrawn Rev. 1', () => {
    const { body } = guide('embodied-carbon-and-hardware-lifetime');
    expect(body).toMatch(/SP 800-88 Rev\. 2/);
    expect(footnote(body, 'nist')).toContain('https://csrc.nist.gov/pubs/sp/800/88/r2/final');
    expect(footnote(body, 'nist')).toMatch(/September 2025/);
    expect(body).not.toContain('/pubs/sp/800/88/r1/');
  });

  it('team-sustainability-policy: intermediate, and generic claims need recognised excellent performance', () => {
    const { body, difficulty } = guide('team-sustainability-policy');
    expect(difficulty).toBe('intermediate');
    expect(body).toContain('2024/825');
    expect(body).toMatch(/recognised excellent environmental performance/);
    expect(body).toContain('EU Ecolabel');
    expect(body).toContain('EN ISO 14024');
    expect(footnote(body, 'ecgt')).toMatch(/Annex I, point 4a/);
    expect(footnote(body, 'ecgt')).toContain('https://eur-lex.europa.eu/eli/dir/2024/825/oj');
    // The old, weaker reading of the ban.
    expect(body).not.toMatch(/can't be substantiated|cannot be substantiated/);
  });
});
