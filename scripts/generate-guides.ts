/**
 * Writes a folder of synthetic guides for trying the site at scale:
 *   npx tsx scripts/generate-guides.ts --guides 1000 --out .greenpath/synthetic [--seed 42]
 *   GUIDES_DIR=.greenpath/synthetic OUT_DIR=.greenpath/synthetic-out npm run build
 * The same options always write the same files (see scripts/lib/generate-guides.ts).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateGuides, writeGuides } from './lib/generate-guides';

const { values } = parseArgs({
  options: {
    guides: { type: 'string', default: '1000' },
    out: { type: 'string', default: '.greenpath/synthetic-guides' },
    seed: { type: 'string' },
  },
});
const count = Number(values.guides);
if (!Number.isInteger(count) || count < 1) {
  console.error(`--guides: expected a whole number from 1, found "${values.guides}"`);
  process.exit(2);
}
const seed = values.seed === undefined ? undefined : Number(values.seed);
const guides = generateGuides(seed === undefined ? { count } : { count, seed });
await writeGuides(path.resolve(values.out), guides);
console.log(`Wrote ${guides.length} guides (${guides.filter((g) => g.draft).length} drafts) to ${values.out}/`);
