/**
 * npm run new -- "TITLE" --difficulty LEVEL --tags a,b [--series NAME] [--mdx] [--date YYYY-MM-DD]
 * Writes GUIDES_DIR (or content/guides)/YYYY-MM-DD-slug.md with valid front matter and prints its
 * path, and nothing else, on stdout. Refuses, with every reason, to write over anything. Logic in
 * scripts/lib/new-guide.ts.
 */
import { DIFFICULTIES } from '../src/lib/difficulty';
import { guidesDir } from '../src/data/guides-dir';
import { slugify } from '../src/lib/slug';
import { DEFAULT_TAGS_FILE } from '../src/data/tag-vocabulary';
import { oneOf, readCommandLine, UsageError } from './lib/cli';
import { createGuide, isIsoDate, localDate } from './lib/new-guide';

const NAME = 'new';

const request = readCommandLine(
  {
    name: NAME,
    synopsis: `npm run new -- "TITLE" --difficulty ${DIFFICULTIES.join('|')} --tags a,b`,
    positionals: { min: 1, max: 1, name: 'TITLE (in quotes)' },
    options: {
      difficulty: { type: 'string', value: DIFFICULTIES.join('|'), help: 'who the guide is for (required)' },
      tags: { type: 'string', value: 'a,b', help: `1 to 10 tags of ${DEFAULT_TAGS_FILE}, comma-separated (required)` },
      series: { type: 'string', value: 'NAME', help: 'add the guide to this learning path, as its next part' },
      mdx: { type: 'boolean', help: 'write an .mdx guide (for components) instead of .md' },
      date: { type: 'string', value: 'YYYY-MM-DD', help: "the guide's date (default: today)" },
      root: {
        type: 'string',
        value: 'DIR',
        help: `the project folder whose ${DEFAULT_TAGS_FILE} and guides are used`,
        default: '.',
      },
    },
    notes:
      'Writes GUIDES_DIR (default content/guides)/YYYY-MM-DD-slug.md and prints its path.\n' +
      'Exit codes: 0 written; 1 refused (a tag not in the vocabulary, a slug another guide has, a file\n' +
      'that exists: nothing is ever overwritten); 2 a command line it cannot read.',
  },
  (line) => {
    const title = (line.positionals[0] ?? '').trim().replace(/\s+/g, ' ');
    if (!slugify(title))
      throw new UsageError(
        `TITLE: expected a title with a letter or digit, found ${JSON.stringify(line.positionals[0])}`,
      );
    const difficulty = oneOf('difficulty', line.values['difficulty'], DIFFICULTIES);
    if (!difficulty) throw new UsageError(`--difficulty: expected one of ${DIFFICULTIES.join(', ')}, found nothing`);
    const tags = String(line.values['tags'] ?? '')
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean);
    if (tags.length === 0) throw new UsageError('--tags: expected 1 to 10 comma-separated tags, found nothing');
    const date = line.values['date'];
    if (typeof date === 'string' && !isIsoDate(date))
      throw new UsageError(`--date: expected a calendar date YYYY-MM-DD, found ${JSON.stringify(date)}`);
    const series = line.values['series'];
    if (typeof series === 'string' && !slugify(series))
      throw new UsageError(`--series: expected a name with a letter or digit, found ${JSON.stringify(series)}`);
    return {
      title,
      difficulty,
      tags,
      date: typeof date === 'string' ? date : localDate(new Date()),
      series: typeof series === 'string' ? series.trim() : undefined,
      mdx: line.values['mdx'] === true,
      root: String(line.values['root']),
    };
  },
);

const result = await createGuide({ ...request, guidesDir: guidesDir(), tagsFile: DEFAULT_TAGS_FILE });
if (result.ok) {
  for (const note of result.notes) process.stderr.write(`${NAME}: note: ${note}\n`);
  process.stdout.write(`${result.file}\n`);
} else {
  for (const problem of result.problems) process.stderr.write(`${NAME}: ${problem}\n`);
  process.stderr.write(`${NAME}: nothing written\n`);
  process.exitCode = 1;
}
