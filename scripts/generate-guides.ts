/**
 * Writes a folder of synthetic guides for trying the site at scale:
 *   npx tsx scripts/generate-guides.ts --guides 1000 --out .greenpath/synthetic [--seed 42]
 *   GUIDES_DIR=.greenpath/synthetic OUT_DIR=.greenpath/synthetic-out npm run build
 * The same options always write the same files (see scripts/lib/generate-guides.ts).
 */
import path from 'node:path';
import { readCommandLine, wholeNumber } from './lib/cli';
import { generateGuides, writeGuides } from './lib/generate-guides';

const { count, seed, out } = readCommandLine(
  {
    name: 'generate:guides',
    synopsis: 'npm run generate:guides --',
    options: {
      guides: { type: 'string', value: 'N', help: 'how many guides to write', default: '1000' },
      out: {
        type: 'string',
        value: 'DIR',
        help: 'the folder to write them to',
        default: '.greenpath/synthetic-guides',
      },
      seed: { type: 'string', value: 'N', help: 'another seed, for another set of guides' },
    },
  },
  ({ values }) => ({
    count: wholeNumber('guides', values['guides']),
    seed: values['seed'] === undefined ? undefined : wholeNumber('seed', values['seed'], 0),
    out: values['out'] as string,
  }),
);
const guides = generateGuides(seed === undefined ? { count } : { count, seed });
await writeGuides(path.resolve(out), guides);
console.log(`Wrote ${guides.length} guides (${guides.filter((g) => g.draft).length} drafts) to ${out}/`);
