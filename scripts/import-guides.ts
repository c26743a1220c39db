/**
 * npm run import -- SOURCE... [--out content/guides] [--dry-run] [--force] [--difficulty LEVEL]
 *   [--tags a,b] [--map from=to]... [--assets public/images/imported] [--encoding PAGE]
 * Imports Jekyll, Docusaurus and Hugo-style Markdown guides. Logic in content-tools/import/run.ts.
 */
import { CODE_PAGES } from '../content-tools/check/codepages';
import { formatGrouped, quoteVisible } from '../content-tools/check/report';
import { plural } from '../src/lib/format';
import { DIFFICULTIES } from '../src/lib/difficulty';
import { runImport } from '../content-tools/import/run';
import { existingPath, oneOf, readCommandLine, UsageError } from './lib/cli';

const { values, positionals, difficulty, encoding, map } = readCommandLine(
  {
    name: 'import',
    synopsis: 'npm run import -- SOURCE...',
    positionals: { min: 1, max: Infinity, name: 'SOURCE (a file or folder of guides to import)' },
    options: {
      out: { type: 'string', value: 'DIR', help: 'where guides are written', default: 'content/guides' },
      'dry-run': { type: 'boolean', help: 'report everything, write nothing' },
      force: { type: 'boolean', help: "overwrite guides that exist already (never one with another file's slug)" },
      difficulty: { type: 'string', value: DIFFICULTIES.join('|'), help: 'the difficulty of guides that have none' },
      tags: { type: 'string', value: 'a,b', help: 'the tags of guides that have none' },
      map: { type: 'string', value: 'from=to', help: 'rename a front-matter field first', multiple: true },
      assets: { type: 'string', value: 'DIR', help: 'copy referenced local images into DIR/<slug>/ (inside public/)' },
      encoding: {
        type: 'string',
        value: CODE_PAGES.join('|'),
        help: 'the code page of source files whose encoding is ambiguous',
      },
    },
  },
  (line) => {
    for (const source of line.positionals)
      existingPath('SOURCE', source, { folder: false, is: 'a file or folder of guides' });
    const map: Record<string, string> = {};
    for (const pair of line.values['map'] as string[]) {
      const [from, to, ...rest] = pair.split('=');
      if (!from || !to || rest.length > 0)
        throw new UsageError(`--map: expected from=to, found ${JSON.stringify(pair)}`);
      map[from] = to;
    }
    return {
      ...line,
      difficulty: oneOf('difficulty', line.values['difficulty'], DIFFICULTIES),
      encoding: oneOf('encoding', line.values['encoding'], CODE_PAGES),
      map,
    };
  },
);
const tags = values['tags'] as string | undefined;
const assets = values['assets'] as string | undefined;

const dryRun = values['dry-run'] === true;
const result = await runImport({
  sources: positionals,
  out: values['out'] as string,
  dryRun,
  force: values['force'] === true,
  map,
  ...(difficulty ? { difficulty } : {}),
  ...(tags
    ? {
        tags: tags
          .split(',')
          .map((t) => t.trim())
          .filter(Boolean),
      }
    : {}),
  ...(assets ? { assets } : {}),
  ...(encoding ? { encoding } : {}),
});

for (const file of result.files) {
  if (file.status === 'skipped') {
    for (const p of file.problems) {
      console.log(`skipped ${file.source}${p.line ? `:${p.line}:${p.column ?? 1}` : ''}: ${p.message}`);
    }
    continue;
  }
  console.log(`${dryRun ? 'would import' : 'imported'} ${file.source} → ${file.target}`);
  for (const r of file.repairs)
    console.log(`  repaired ${r.line}:${r.column} ${r.rule}: ${quoteVisible(r.from)} → ${quoteVisible(r.to)}`);
  for (const r of file.rewrites) console.log(`  link ${r.line}:${r.column}: ${r.from} → ${r.to}`);
  for (const i of file.images) console.log(`  image ${i.from} → ${i.to}`);
  for (const note of file.notes) console.log(`  note: ${note}`);
}
const imported = result.files.filter((f) => f.status === 'imported');
const skipped = result.files.filter((f) => f.status === 'skipped');
const repaired = imported.filter((f) => f.repairs.length > 0);
const lines = formatGrouped(result.report.diagnostics);
if (lines.length) console.log(`\nProblems in the imported guides:\n${lines.join('\n')}`);
console.log(
  `\n${dryRun ? 'Dry run, nothing written: ' : ''}${plural(imported.length, 'guide')} ${dryRun ? 'would be ' : ''}imported (${repaired.length} repaired), ${skipped.length} skipped, ${plural(result.report.warnings, 'warning')} and ${plural(result.report.errors, 'error')} in the imported guides.`,
);
process.exitCode = skipped.length > 0 || result.report.errors > 0 ? 1 : 0;
