/**
 * npm run new-site -- [--dry-run] [--root DIR]
 * Starts a new library: moves the sample guides (GUIDES_DIR or content/guides) and
 * content/tags.yaml into examples/, which is never built, and leaves an empty guides folder and a
 * one-tag vocabulary. Refuses, moving nothing, when examples/ holds guides already. Logic in
 * scripts/lib/new-site.ts.
 */
import { guidesDir } from '../src/data/guides-dir';
import { DEFAULT_TAGS_FILE } from '../src/data/tag-vocabulary';
import { readCommandLine } from './lib/cli';
import { shownPath } from './lib/new-guide';
import { newSite, STARTER_TAG } from './lib/new-site';

const NAME = 'new-site';

const { values } = readCommandLine(
  {
    name: NAME,
    synopsis: 'npm run new-site --',
    options: {
      'dry-run': { type: 'boolean', help: 'print what would be moved and written, change nothing' },
      root: { type: 'string', value: 'DIR', help: 'the project folder to empty', default: '.' },
    },
    notes:
      'Moves the guides and content/tags.yaml into examples/ (not built) and leaves an empty library.\n' +
      'Exit codes: 0 done; 1 refused (examples/ holds guides already, or there are no guides to move):\n' +
      'nothing is moved or replaced; 2 a command line it cannot read.',
  },
  (line) => line,
);

const dryRun = values['dry-run'] === true;
const result = await newSite({
  root: String(values['root']),
  guidesDir: guidesDir(),
  tagsFile: DEFAULT_TAGS_FILE,
  examplesDir: 'examples',
  dryRun,
});
if (!result.ok) {
  for (const problem of result.problems) process.stderr.write(`${NAME}: ${problem}\n`);
  process.stderr.write(`${NAME}: nothing moved\n`);
  process.exitCode = 1;
} else {
  const cwd = process.cwd();
  for (const { from, to } of result.plan.moves)
    console.log(`${dryRun ? 'would move' : 'moved'} ${shownPath(from, cwd)} → ${shownPath(to, cwd)}`);
  for (const { file } of result.plan.writes) console.log(`${dryRun ? 'would write' : 'wrote'} ${shownPath(file, cwd)}`);
  console.log(
    dryRun
      ? '\nDry run, nothing changed.'
      : `\n${result.guides} sample guides are in examples/ now; the library is empty. Write the first guide with\n  npm run new -- "Your title" --difficulty beginner --tags ${STARTER_TAG}\nand add your own tags to ${DEFAULT_TAGS_FILE}.`,
  );
}
