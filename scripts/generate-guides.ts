/**
 * Writes a folder of synthetic guides for trying the site at scale:
 *   npx tsx scripts/generate-guides.ts --guides 1000 --out .greenpath/synthetic [--seed 42] [--translations fr]
 *   GUIDES_DIR=.greenpath/synthetic OUT_DIR=.greenpath/synthetic-out npm run build
 * With --translations CODE it also writes a translation of every guide into `<out>/CODE/`; the
 * site file the build reads must list that language (content/site.yaml lists fr and es).
 * The same options always write the same files (see scripts/lib/generate-guides.ts).
 */
import path from 'node:path';
import { readCommandLine, UsageError, wholeNumber } from './lib/cli';
import { generateGuides, writeGuides } from './lib/generate-guides';

const { count, seed, out, translation } = readCommandLine(
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
      translations: {
        type: 'string',
        value: 'CODE',
        help: 'also write a translation of every guide into DIR/CODE/ (French-looking prose)',
      },
    },
  },
  ({ values }) => ({
    count: wholeNumber('guides', values['guides']),
    seed: values['seed'] === undefined ? undefined : wholeNumber('seed', values['seed'], 0),
    out: values['out'] as string,
    translation: languageCode(values['translations']),
  }),
);

/** A BCP 47 language tag such as `fr` or `pt-BR`, which names the translations' folder. */
function languageCode(raw: string | boolean | string[] | undefined): string | undefined {
  if (raw === undefined) return undefined;
  if (typeof raw === 'string' && /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(raw)) return raw;
  throw new UsageError(`--translations: expected a language code such as fr, found ${JSON.stringify(String(raw))}`);
}

const guides = generateGuides({
  count,
  ...(seed === undefined ? {} : { seed }),
  ...(translation === undefined ? {} : { translation }),
});
await writeGuides(path.resolve(out), guides);
const originals = guides.filter((g) => g.translationOf === undefined);
console.log(
  `Wrote ${originals.length} guides (${originals.filter((g) => g.draft).length} drafts)${translation ? ` and ${guides.length - originals.length} translations in ${translation}/` : ''} to ${out}/`,
);
