/**
 * npm run import -- SOURCE... [--out content/guides] [--dry-run] [--force] [--difficulty LEVEL]
 *   [--tags a,b] [--map from=to]... [--assets public/images/imported] [--encoding PAGE]
 * Imports Jekyll, Docusaurus and Hugo-style Markdown guides. Logic in src/lib/import/run.ts.
 */
import { parseArgs } from 'node:util';
import { CODE_PAGES, type CodePage } from '../src/lib/content-check/codepages';
import { formatGrouped, quoteVisible } from '../src/lib/content-check/report';
import { plural } from '../src/lib/format';
import { DIFFICULTIES, type Difficulty } from '../src/lib/difficulty';
import { runImport } from '../src/lib/import/run';

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    out: { type: 'string', default: 'content/guides' },
    'dry-run': { type: 'boolean', default: false },
    force: { type: 'boolean', default: false },
    difficulty: { type: 'string' },
    tags: { type: 'string' },
    map: { type: 'string', multiple: true, default: [] },
    assets: { type: 'string' },
    encoding: { type: 'string' },
  },
});
if (positionals.length === 0)
  fail(
    'usage: npm run import -- SOURCE... [--out DIR] [--dry-run] [--force] [--difficulty LEVEL] [--tags a,b] [--map from=to] [--assets DIR] [--encoding PAGE]',
  );
if (values.difficulty !== undefined && !DIFFICULTIES.includes(values.difficulty as Difficulty)) {
  fail(`--difficulty: expected one of ${DIFFICULTIES.join(', ')}, found ${values.difficulty}`);
}
if (values.encoding !== undefined && !CODE_PAGES.includes(values.encoding as CodePage)) {
  fail(`--encoding: expected one of ${CODE_PAGES.join(', ')}, found ${values.encoding}`);
}
const map: Record<string, string> = {};
for (const pair of values.map) {
  const [from, to] = pair.split('=');
  if (!from || !to) fail(`--map: expected from=to, found ${pair}`);
  map[from] = to;
}

const dryRun = values['dry-run'];
const result = await runImport({
  sources: positionals,
  out: values.out,
  dryRun,
  force: values.force,
  map,
  ...(values.difficulty ? { difficulty: values.difficulty as Difficulty } : {}),
  ...(values.tags
    ? {
        tags: values.tags
          .split(',')
          .map((t) => t.trim())
          .filter(Boolean),
      }
    : {}),
  ...(values.assets ? { assets: values.assets } : {}),
  ...(values.encoding ? { encoding: values.encoding as CodePage } : {}),
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
