/**
 * npm run fix:content -- [DIR] [--dry-run] [--encoding windows-1252|windows-1254|latin1]
 * Repairs what is certain (encoding, mojibake that reverses exactly, entities escaped twice),
 * backs up every file it changes, and lists every problem left. Logic in content-tools/check/fix.ts.
 */
import { CODE_PAGES } from '../content-tools/check/codepages';
import { fixContent } from '../content-tools/check/fix';
import { formatGrouped, quoteVisible, summaryLine } from '../content-tools/check/report';
import { plural } from '../src/lib/format';
import { existingPath, oneOf, readCommandLine } from './lib/cli';
import { CHECK_OPTIONS, checkFlagsOf, GUIDES_FOLDER } from './lib/check-options';

const { values, positionals, flags, encoding } = readCommandLine(
  {
    name: 'fix:content',
    synopsis: 'npm run fix:content -- [DIR]',
    positionals: { min: 0, max: 1, name: 'DIR (the guides folder)' },
    options: {
      'dry-run': { type: 'boolean', help: 'print what would be repaired, write nothing' },
      encoding: {
        type: 'string',
        value: CODE_PAGES.join('|'),
        help: 'the code page of files the check cannot decide on',
      },
      ...CHECK_OPTIONS,
    },
  },
  (line) => {
    const [dir] = line.positionals;
    if (dir !== undefined) existingPath('DIR', dir, GUIDES_FOLDER);
    return {
      ...line,
      flags: checkFlagsOf(line.values),
      encoding: oneOf('encoding', line.values['encoding'], CODE_PAGES),
    };
  },
);
const dryRun = values['dry-run'] === true;
const result = await fixContent({
  ...(positionals[0] ? { dir: positionals[0] } : {}),
  ...flags,
  dryRun,
  ...(encoding ? { encoding } : {}),
});

const verb = dryRun ? 'would repair' : 'repaired';
for (const file of result.files) {
  if (file.refused) {
    console.log(`${file.displayPath}: left as it is: ${file.refused}`);
    continue;
  }
  console.log(
    `${file.displayPath}: ${verb} ${plural(file.repairs.length, 'place')}${file.backup ? ` (backup: ${file.backup})` : ''}`,
  );
  for (const r of file.repairs) {
    console.log(`  ${r.line}:${r.column} ${r.rule}: ${quoteVisible(r.from)} → ${quoteVisible(r.to)} (${r.note})`);
  }
}
const changed = result.files.filter((f) => !f.refused).length;
console.log(
  changed === 0
    ? 'Nothing to repair with certainty.'
    : dryRun
      ? `Dry run: ${plural(changed, 'file')} would change; nothing was written.`
      : `${plural(changed, 'file')} repaired; the originals are in ${result.backupDir ?? ''}.`,
);
const left = formatGrouped(result.report.diagnostics);
if (left.length) console.log(`\nStill to fix by hand:\n${left.join('\n')}\n`);
console.log(summaryLine(result.report.diagnostics, result.report.guides.length));
process.exitCode = result.report.errors > 0 ? 1 : 0;
