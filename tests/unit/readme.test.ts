import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KNOWN_GUIDE_KEYS } from '~/schemas/guide';

const readme = readFileSync('README.md', 'utf8');
/** The details of writing a guide live beside the guides. */
const guideDocs = readFileSync('content/README.md', 'utf8');

describe('README', () => {
  it('documents exactly the fields the schema knows, in the front-matter table of content/README.md', () => {
    const section = guideDocs.slice(guideDocs.indexOf('## Front matter'), guideDocs.indexOf('## What Markdown can do'));
    const fields = [...section.matchAll(/^\| `([a-z_]+)` \|/gm)].map((m) => m[1]);
    expect([...fields].sort()).toEqual([...KNOWN_GUIDE_KEYS].sort());
  });
  it('gives the two quick-start commands', () => {
    expect(readme).toContain('npm ci && npm start');
    expect(readme).toContain('npm test');
  });
});
