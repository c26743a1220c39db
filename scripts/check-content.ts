/**
 * npm run check:content -- [DIR] [--json] [--links=warn] [--strict-tags]
 * Every problem of every guide in DIR (GUIDES_DIR or content/guides), grouped by file. Exits 1
 * when there are errors. The rules live in src/lib/content-check/.
 */
import { checkContent } from '../src/lib/content-check';
import { readCheckFlags } from '../src/lib/content-check/flags';
import { formatGrouped, summaryLine } from '../src/lib/content-check/report';

const args = process.argv.slice(2);
const positional = args.filter((arg, i) => !arg.startsWith('--') && args[i - 1] !== '--links');
const report = await checkContent({ ...(positional[0] ? { dir: positional[0] } : {}), ...readCheckFlags(args) });

if (args.includes('--json')) {
  const { dir, diagnostics, errors, warnings, ms } = report;
  console.log(
    JSON.stringify({ dir, guides: report.guides.length, errors, warnings, ms: Math.round(ms), diagnostics }, null, 2),
  );
} else {
  const lines = formatGrouped(report.diagnostics);
  if (lines.length) console.log(`${lines.join('\n')}\n`);
  console.log(summaryLine(report.diagnostics, report.guides.length, report.ms));
}
process.exitCode = report.errors > 0 ? 1 : 0;
