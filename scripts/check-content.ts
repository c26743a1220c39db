/**
 * npm run check:content -- [DIR] [--json] [--translations] [--links=warn] [--strict-tags]
 * Every problem of every guide in DIR (GUIDES_DIR or content/guides), and of the interface text
 * (src/i18n/, for content/site.yaml's languages), grouped by file. Exits 1 when there are errors.
 * `--translations` adds, per language, the guides missing a translation and the out-of-date ones
 * (the `translations` section of `--json`). The rules live in content-tools/check/ and
 * src/data/interface-text.ts.
 */
import { checkContent } from '../content-tools/check';
import { loadInterfaceText } from '../src/data/interface-text';
import { loadSiteConfig } from '../src/data/site-config';
import { siteLanguages } from '../src/lib/languages';
import { sortDiagnostics } from '../src/schemas/errors';
import { formatGrouped, summaryLine } from '../content-tools/check/report';
import { formatTranslationStatus, translationStatusJson } from '../content-tools/check/translations';
import { existingPath, readCommandLine } from './lib/cli';
import { CHECK_OPTIONS, checkFlagsOf, GUIDES_FOLDER } from './lib/check-options';

const { values, positionals, flags } = readCommandLine(
  {
    name: 'check:content',
    synopsis: 'npm run check:content -- [DIR]',
    positionals: { min: 0, max: 1, name: 'DIR (the guides folder)' },
    options: {
      json: { type: 'boolean', help: 'print the report as JSON' },
      translations: {
        type: 'boolean',
        help: 'list, per language, the guides missing a translation and the out-of-date ones',
      },
      ...CHECK_OPTIONS,
    },
  },
  (line) => {
    const [dir] = line.positionals;
    if (dir !== undefined) existingPath('DIR', dir, GUIDES_FOLDER);
    return { ...line, flags: checkFlagsOf(line.values) };
  },
);
const guideReport = await checkContent({ ...(positionals[0] ? { dir: positionals[0] } : {}), ...flags });
const interfaceText = loadInterfaceText(siteLanguages(loadSiteConfig().config).map((l) => l.code));
const diagnostics = sortDiagnostics([...guideReport.diagnostics, ...interfaceText.diagnostics]);
const report = {
  ...guideReport,
  diagnostics,
  errors: diagnostics.filter((d) => d.severity === 'error').length,
  warnings: diagnostics.filter((d) => d.severity === 'warning').length,
};

if (values['json'] === true) {
  const { dir, diagnostics, errors, warnings, ms } = report;
  console.log(
    JSON.stringify(
      {
        dir,
        guides: report.guides.length,
        errors,
        warnings,
        ms: Math.round(ms),
        diagnostics,
        translations: translationStatusJson(report.translations),
      },
      null,
      2,
    ),
  );
} else {
  const lines = formatGrouped(report.diagnostics);
  if (lines.length) console.log(`${lines.join('\n')}\n`);
  if (values['translations'] === true) console.log(`${formatTranslationStatus(report.translations).join('\n')}\n`);
  console.log(summaryLine(report.diagnostics, report.guides.length, report.ms));
}
process.exitCode = report.errors > 0 ? 1 : 0;
