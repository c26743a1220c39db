/**
 * npm run fix:content -- [DIR] [--dry-run] [--encoding windows-1252|windows-1254|latin1]
 * Repairs what is certain (encoding, mojibake that reverses exactly, entities escaped twice),
 * backs up every file it changes, and lists every problem left. Logic in src/lib/content-check/fix.ts.
 */
import { CODE_PAGES, type CodePage } from '../src/lib/content-check/codepages';
import { fixContent } from '../src/lib/content-check/fix';
import { readCheckFlags } from '../src/lib/content-check/flags';
import { formatGrouped, quoteVisible, summaryLine } from '../src/lib/content-check/report';
import { plural } from '../src/lib/format';

const args = process.argv.slice(2);
const valueOf = (flag: string) => {
  const i = args.findIndex((a) => a === flag || a.startsWith(`${flag}=`));
  if (i === -1) return undefined;
  const arg = args[i] as string;
  return arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args[i + 1];
};
const encoding = valueOf('--encoding');
if (encoding !== undefined && !CODE_PAGES.includes(encoding as CodePage)) {
  console.error(`--encoding: expected one of ${CODE_PAGES.join(', ')}, found ${encoding}`);
  process.exit(2);
}
const positional = args.filter(
  (arg, i) => !arg.startsWith('--') && !['--encoding', '--links'].includes(args[i - 1] ?? ''),
);
const dryRun = args.includes('--dry-run');
const result = await fixContent({
  ...(positional[0] ? { dir: positional[0] } : {}),
  ...readCheckFlags(args),
  dryRun,
  ...(encoding ? { encoding: encoding as CodePage } : {}),
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
