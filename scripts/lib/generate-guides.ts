/**
 * A seeded generator of realistic synthetic guides, for benchmarks and for tests that need a
 * large library (filters, search, budgets). The same options always give byte-identical files.
 *
 * Every guide is valid against `src/schemas/guide.ts` and uses what real guides use: Jekyll file
 * names, `layout: guide` (in .md only), both `estimated_time` forms, YAML and ISO 8601 dates, `updated`,
 * series (some with `total`/`previous`/`next` written out), `related`, a `slug` override, tags
 * written as labels or slugs, a few drafts (`draft: true` and `published: false`), a few without
 * a description, and a few in MDX. Bodies have 600 to 1,500 words of prose with headings, lists,
 * tables, task lists, footnotes, 1 to 3 code blocks, callouts in both syntaxes and internal links
 * (to published guides, some to a heading anchor) that resolve. No images.
 *
 * With `translation: 'fr'`, each guide also gets a translation in `fr/` under its file name, in
 * French-looking prose (scripts/lib/generate-guides-french.ts), listed after the originals; the
 * originals are the same bytes with or without it.
 *
 * `generateGuides` is pure; `writeGuides` is the one function here that touches the disk.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import GithubSlugger from 'github-slugger';
import { slugify, tagSlug } from '../../src/lib/slug';
import { FRENCH } from './generate-guides-french';

/** The fixed synthetic tag vocabulary: labels (slugs are derived), unrelated to content/tags.yaml. */
export const SYNTHETIC_TAGS = [
  'Heat reuse',
  'Cooling',
  'Batch jobs',
  'Edge computing',
  'Mobile apps',
  'Databases',
  'Caching',
  'Compression',
  'Images',
  'Video',
  'Fonts',
  'JavaScript',
  'Serverless',
  'Kubernetes',
  'Virtual machines',
  'GPUs',
  'Model distillation',
  'Quantisation',
  'Data retention',
  'Backups',
  'Logging',
  'Observability',
  'Networking',
  'CDN',
  'Power capping',
  'Demand shifting',
  'Carbon budgets',
  'Life-cycle assessment',
  'Refurbishment',
  'Supplier data',
  'Dashboards',
  'Audits',
  'Training',
  'Accessibility',
  'size:small',
  'size:large',
] as const;

export const DIFFICULTY_WEIGHTS = { beginner: 0.4, intermediate: 0.35, advanced: 0.25 } as const;
export type Difficulty = keyof typeof DIFFICULTY_WEIGHTS;

export const WORDS_MIN = 600;
export const WORDS_MAX = 1500;

export interface GenerateOptions {
  /** How many guides, drafts included. */
  count: number;
  /** Any integer; the default gives the benchmark's library. */
  seed?: number;
  /** A language code (`fr`): also write a translation of every guide into it, in `<code>/`. */
  translation?: string;
}

export interface GeneratedGuide {
  /** Path relative to the guides folder, e.g. `2024-03-01-cooling-basics.md`. */
  fileName: string;
  /** The slug the site publishes it under. */
  slug: string;
  title: string;
  difficulty: Difficulty;
  /** Tag labels as written in the front matter. */
  tags: string[];
  draft: boolean;
  /** Slugs of the guides this one links to in its body. */
  links: string[];
  /** The words of prose the generator wrote (what the reading-time count should find, near enough). */
  words: number;
  /** The whole file: front matter and body. */
  source: string;
  /** In a translation (`fileName` is `<code>/<original's file name>`): the original's file name. */
  translationOf?: string;
}

/** mulberry32: tiny, fast and good enough to make varied text; seeded, so runs repeat exactly. */
export function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const chance = (p: number): boolean => next() < p;
  const sample = <T>(items: readonly T[], n: number): T[] => {
    const pool = [...items];
    const out: T[] = [];
    while (out.length < n && pool.length > 0) out.push(pool.splice(Math.floor(next() * pool.length), 1)[0] as T);
    return out;
  };
  return { next, int, pick, chance, sample };
}
export type Random = ReturnType<typeof createRandom>;

// ---------------------------------------------------------------------------------------------
// Vocabulary. Enough variety that search indexes and compression behave as on real prose.

const SUBJECTS = [
  'the build server',
  'a nightly batch job',
  'the image pipeline',
  'each training run',
  'the inference fleet',
  'a small web team',
  'the data warehouse',
  'our storage tier',
  'the content delivery network',
  'every pull request',
  'the mobile client',
  'a cold backup',
  'the staging cluster',
  'the search service',
  'an idle virtual machine',
  'the GPU queue',
  'the logging stack',
  'a static site',
  'the procurement team',
  'the reporting dashboard',
];
const VERBS = [
  'draws',
  'wastes',
  'saves',
  'reports',
  'hides',
  'doubles',
  'halves',
  'measures',
  'shifts',
  'spends',
  'caches',
  'compresses',
  'schedules',
  'throttles',
  'replicates',
  'retains',
];
const OBJECTS = [
  'kilowatt-hours at peak times',
  'grams of CO2e per request',
  'bytes nobody downloads',
  'idle capacity overnight',
  'water for evaporative cooling',
  'embodied emissions from new hardware',
  'the carbon intensity of the local grid',
  'three copies of the same dataset',
  'megabytes of unused JavaScript',
  'retries after every timeout',
  'logs that nobody reads',
  'energy in the power supply',
  'cycles on duplicate work',
  'the margin between forecast and actual',
  'a rack of ageing servers',
  'the cost of a full rebuild',
];
const QUALIFIERS = [
  'when nobody is looking',
  'during the evening peak',
  'across three regions',
  'for every single visitor',
  'long after the project ends',
  'unless someone sets a budget',
  'according to last quarter’s report',
  'on a typical weekday',
  'within the service level objective',
  'at a fraction of the price',
  'without changing the user experience',
  'before anyone writes a line of code',
];
const ADVICE = [
  'Measure before you change anything, and write the baseline down.',
  'Set a budget in continuous integration so that regressions fail loudly.',
  'Prefer the region with the cleaner grid when latency allows it.',
  'Delete what you do not need before you optimise what you keep.',
  'Keep hardware in service for longer; its embodied carbon is already spent.',
  'Batch small jobs together and run them when the grid is cleanest.',
  'Compress text responses and serve modern image formats.',
  'Turn off environments that nobody uses at night or at weekends.',
  'Ask suppliers for measured figures, not marketing estimates.',
  'Publish the method with the number, so others can check it.',
  'Cache aggressively at the edge and set long expiry times for hashed assets.',
  'Right-size instances from utilisation data, not from guesses.',
];
const LINK_PHRASES = [
  'the guide on',
  'our notes on',
  'a companion piece about',
  'the walkthrough of',
  'the earlier guide about',
  'the checklist in',
];
const TERMS = [
  'power usage effectiveness',
  'water usage effectiveness',
  'marginal emissions',
  'location-based accounting',
  'market-based accounting',
  'scope 2',
  'scope 3',
  'demand response',
  'carbon intensity',
  'load shifting',
  'thermal design power',
  'utilisation',
  'idle power',
  'embodied carbon',
  'renewable energy certificates',
  'power purchase agreements',
  'request coalescing',
  'tree shaking',
  'lazy loading',
  'content negotiation',
  'cold storage',
  'lifecycle policies',
  'deduplication',
  'speculative decoding',
  'mixed precision',
  'early stopping',
  'checkpointing',
  'autoscaling',
  'bin packing',
  'spot capacity',
];
const TITLE_TOPICS = [
  'Cooling',
  'Batch jobs',
  'Image delivery',
  'Model training',
  'Inference serving',
  'Web fonts',
  'Database queries',
  'Log retention',
  'Backups',
  'Kubernetes clusters',
  'GPU scheduling',
  'CDN caching',
  'Mobile apps',
  'Video streaming',
  'Serverless functions',
  'Data pipelines',
  'Search indexes',
  'Build pipelines',
  'Office laptops',
  'Supplier reporting',
  'Heat reuse',
  'Storage tiers',
  'API payloads',
  'Edge workers',
  'Carbon budgets',
];
const TITLE_ANGLES = [
  'from first principles',
  'in practice',
  'without the guesswork',
  'for small teams',
  'at scale',
  'on a budget',
  'measured end to end',
  'the sustainable way',
  'with less energy',
  'and their hidden costs',
  'step by step',
  'for beginners',
  'under a carbon budget',
  'in ten decisions',
];
const TITLE_CONTEXTS = [
  'notes from a university lab',
  'a retailer’s story',
  'lessons from a newsroom',
  'what a bank learned',
  'a charity’s first year',
  'inside a game studio',
  'a public-sector view',
  'the startup edition',
  'a hospital case study',
  'a checklist for agencies',
  'for open-source maintainers',
  'a field report',
];
const HEADINGS = [
  'Why it matters',
  'What to measure',
  'A worked example',
  'Setting a baseline',
  'Common mistakes',
  'Choosing the right tool',
  'Trade-offs',
  'Rolling it out',
  'Keeping it working',
  'What the numbers miss',
  'Reporting the result',
  'Going further',
  'Costs and savings',
  'Checking your work',
  'A quick reference',
];
const SUBHEADINGS = [
  'In the cloud',
  'On premises',
  'For the browser',
  'For batch work',
  'Edge cases',
  'A rule of thumb',
  'An example configuration',
  'Numbers to expect',
];
const CODE_SAMPLES: { lang: string; make: (r: Random) => string }[] = [
  {
    lang: 'python',
    make: (r) =>
      `from codecarbon import EmissionsTracker\n\ntracker = EmissionsTracker(project_name="run-${r.int(1, 999)}")\ntracker.start()\ntry:\n    train(epochs=${r.int(2, 40)}, batch_size=${r.pick([16, 32, 64, 128])})\nfinally:\n    emissions_kg = tracker.stop()\nprint(f"{emissions_kg:.3f} kg CO2e")`,
  },
  {
    lang: 'bash',
    make: (r) =>
      `# Compress every text asset before upload\nfind dist -type f \\( -name '*.html' -o -name '*.css' -o -name '*.js' \\) \\\n  -exec gzip -9 --keep {} +\ndu -sh dist  # about ${r.int(2, 90)} MB`,
  },
  {
    lang: 'yaml',
    make: (r) =>
      `schedule:\n  - cron: "${r.int(0, 59)} ${r.int(0, 5)} * * *"\njobs:\n  report:\n    runs-on: ubuntu-latest\n    timeout-minutes: ${r.int(5, 60)}\n    steps:\n      - uses: actions/checkout@v4\n      - run: npm run carbon-report`,
  },
  {
    lang: 'ts',
    make: (r) =>
      `export function gramsPerView(bytes: number, intensity = ${r.int(50, 500)}): number {\n  const kWhPerGB = 0.81;\n  return (bytes / 1e9) * kWhPerGB * intensity;\n}\n\nconsole.log(gramsPerView(${r.int(100, 3000)}_000).toFixed(3));`,
  },
  {
    lang: 'json',
    make: (r) =>
      `{\n  "region": "${r.pick(['eu-north-1', 'us-west-2', 'europe-west1', 'uksouth'])}",\n  "intensity_g_per_kwh": ${r.int(20, 600)},\n  "pue": ${(1 + r.next() * 0.6).toFixed(2)},\n  "renewable_share": ${r.next().toFixed(2)}\n}`,
  },
  {
    lang: 'sql',
    make: (r) =>
      `SELECT region, SUM(kwh) AS energy, SUM(kwh * intensity) / 1000 AS kg_co2e\nFROM usage\nWHERE day >= CURRENT_DATE - INTERVAL '${r.int(7, 90)} days'\nGROUP BY region\nORDER BY kg_co2e DESC;`,
  },
  {
    lang: 'go',
    make: (r) =>
      `func shouldRun(forecast []float64, threshold float64) bool {\n\tfor _, g := range forecast[:${r.int(2, 12)}] {\n\t\tif g < threshold {\n\t\t\treturn false\n\t\t}\n\t}\n\treturn true\n}`,
  },
  {
    lang: 'toml',
    make: (r) =>
      `[budget]\nhtml_kb = ${r.int(10, 40)}\njs_kb = ${r.int(1, 10)}\nimages_kb = ${r.int(50, 400)}\nfail_on_regression = true`,
  },
];

const WORD = /[\p{Letter}\p{Number}][\p{Letter}\p{Number}'’.-]*/gu;
/** Counts words the way `src/lib/markdown-text.ts` does, on the plain text the generator writes. */
export function countPlainWords(text: string): number {
  return text.match(WORD)?.length ?? 0;
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * One language's prose: its word lists and the sentence shapes around them. English is the
 * library's; another vocabulary writes its translations. The title and heading lists hold the
 * same entries in the same order in every language, so a guide's title and first heading
 * translate entry by entry (and a link to a translation's first heading knows its id).
 */
export interface Vocabulary {
  subjects: readonly string[];
  verbs: readonly string[];
  objects: readonly string[];
  qualifiers: readonly string[];
  advice: readonly string[];
  linkPhrases: readonly string[];
  terms: readonly string[];
  titleTopics: readonly string[];
  titleAngles: readonly string[];
  titleContexts: readonly string[];
  headings: readonly string[];
  subheadings: readonly string[];
  /** Sentence shapes; each draws its words from `r` in its own order. */
  sentences: readonly ((r: Random, v: Vocabulary) => string)[];
  /** `See the guide on [x](…) for the details.`: `link` is the title, or the Markdown link to it. */
  seeAlso: (phrase: string, link: string) => string;
  footnote: (r: Random, v: Vocabulary) => string;
  tableHeader: string;
  /** Bold labels of the blockquote callouts (`> **Note:** …`), as src/markdown/remark-callouts.ts reads them. */
  calloutLabels: readonly string[];
  inDetail: (subheading: string) => string;
  /** The MDX guides' sentence that uses their exported `measuredYear`. */
  mdxSentence: string;
  title: (topic: string, context: string | undefined) => string;
  description: (r: Random, v: Vocabulary, difficulty: Difficulty, title: string) => string;
  seriesName: (n: number, topic: string) => string;
}

export const ENGLISH: Vocabulary = {
  subjects: SUBJECTS,
  verbs: VERBS,
  objects: OBJECTS,
  qualifiers: QUALIFIERS,
  advice: ADVICE,
  linkPhrases: LINK_PHRASES,
  terms: TERMS,
  titleTopics: TITLE_TOPICS,
  titleAngles: TITLE_ANGLES,
  titleContexts: TITLE_CONTEXTS,
  headings: HEADINGS,
  subheadings: SUBHEADINGS,
  sentences: [
    (r, v) => `${capitalise(r.pick(v.subjects))} ${r.pick(v.verbs)} ${r.pick(v.objects)} ${r.pick(v.qualifiers)}.`,
    (r, v) =>
      `In most teams, ${r.pick(v.terms)} matters more than ${r.pick(v.terms)}, because ${r.pick(v.subjects)} ${r.pick(v.verbs)} ${r.pick(v.objects)}.`,
    (r, v) => r.pick(v.advice),
    (r, v) =>
      `A figure of ${r.int(2, 95)} percent is typical, but ${r.pick(v.subjects)} can do better ${r.pick(v.qualifiers)}.`,
    (r, v) => `Think of ${r.pick(v.terms)} as the part of the bill that ${r.pick(v.subjects)} controls directly.`,
    (r, v) =>
      `When ${r.pick(v.subjects)} ${r.pick(v.verbs)} ${r.pick(v.objects)}, ${r.pick(v.terms)} is the first thing to check.`,
  ],
  seeAlso: (phrase, link) => `See ${phrase} ${link} for the details.`,
  footnote: (r, v) =>
    `${capitalise(r.pick(v.terms))}, as measured in the ${r.int(2015, 2025)} survey of ${r.int(20, 900)} sites.`,
  tableHeader: '| Option | Energy (kWh) | Emissions (kg CO2e) | Notes |',
  calloutLabels: ['💡 Pro Tip:', 'Note:', '⚠️ Warning:', 'Important:', 'Tip'],
  inDetail: (sub) => `${sub} in detail`,
  mdxSentence: 'The figures below were measured in {measuredYear} and checked again since.',
  title: (topic, context) => (context === undefined ? topic : `${topic}: ${context}`),
  // Ampersands and quotes, as real descriptions have, so escaping is exercised everywhere.
  description: (r, v, difficulty, title) =>
    r.chance(0.2)
      ? `A ${difficulty} guide to ${title.toLowerCase()} & what "good" looks like.`
      : `${r.pick(v.advice)} A ${difficulty} guide to ${title.toLowerCase()}.`,
  seriesName: (n, topic) => `Synthetic path ${n}: ${topic.toLowerCase()}`,
};

function sentence(r: Random, v: Vocabulary): string {
  const shape = r.int(0, v.sentences.length - 1);
  return v.sentences[shape]!(r, v);
}

/** Inline decoration on a plain sentence: emphasis, strong, code, strikethrough, now and then. */
function decorate(r: Random, text: string): string {
  const roll = r.next();
  if (roll < 0.08) return text.replace(/^(\S+ \S+)/, '*$1*');
  if (roll < 0.14) return text.replace(/(\S+ \S+)\.$/, '**$1**.');
  if (roll < 0.18) return `${text} Run \`npm run measure\` to see it.`;
  if (roll < 0.2) return text.replace(/^(\S+)/, '~~$1~~ $1');
  return text;
}

interface Link {
  slug: string;
  /** The title shown in the link text. */
  title: string;
  href: string;
}

interface Writer {
  v: Vocabulary;
  blocks: string[];
  words: number;
  footnotes: string[];
  codeBlocks: number;
  links: string[];
}

function paragraph(r: Random, w: Writer, sentences: number, link?: Link): void {
  const parts: string[] = [];
  for (let i = 0; i < sentences; i++) {
    const text = decorate(r, sentence(r, w.v));
    w.words += countPlainWords(text);
    parts.push(text);
  }
  if (link) {
    const phrase = r.pick(w.v.linkPhrases);
    const title = link.title.toLowerCase();
    w.words += countPlainWords(w.v.seeAlso(phrase, title));
    parts.push(w.v.seeAlso(phrase, `[${title}](${link.href})`));
    w.links.push(link.slug);
  }
  if (parts.length > 0 && r.chance(0.25)) {
    const n = w.footnotes.length + 1;
    const note = w.v.footnote(r, w.v);
    w.words += countPlainWords(note);
    w.footnotes.push(`[^${n}]: ${note}`);
    parts[parts.length - 1] += `[^${n}]`;
  }
  w.blocks.push(parts.join(' '));
}

function list(r: Random, w: Writer): void {
  const ordered = r.chance(0.35);
  const items = r.sample(w.v.advice, r.int(3, 6));
  w.words += items.reduce((sum, item) => sum + countPlainWords(item), 0);
  w.blocks.push(items.map((item, i) => `${ordered ? `${i + 1}.` : '-'} ${item}`).join('\n'));
}

function taskList(r: Random, w: Writer): void {
  const items = r.sample(w.v.advice, r.int(3, 5));
  w.words += items.reduce((sum, item) => sum + countPlainWords(item), 0);
  w.blocks.push(items.map((item) => `- [${r.chance(0.4) ? 'x' : ' '}] ${item}`).join('\n'));
}

function table(r: Random, w: Writer): void {
  const rows = r.int(3, 7);
  const lines = [w.v.tableHeader, '| --- | ---: | ---: | --- |'];
  for (let i = 0; i < rows; i++) {
    const option = capitalise(r.pick(w.v.terms));
    lines.push(
      `| ${option} | ${r.int(1, 900)} | ${(r.next() * 400).toFixed(1)} | ${capitalise(r.pick(w.v.qualifiers))} |`,
    );
  }
  // Pipes and the alignment row hold no words, so the table's lines count as they stand.
  w.words += lines.reduce((sum, line) => sum + countPlainWords(line), 0);
  w.blocks.push(lines.join('\n'));
}

function callout(r: Random, w: Writer, github: boolean): void {
  const text = `${r.pick(w.v.advice)} ${sentence(r, w.v)}`;
  w.words += countPlainWords(text);
  if (github) {
    const kind = r.pick(['NOTE', 'TIP', 'IMPORTANT', 'WARNING', 'CAUTION']);
    w.blocks.push(`> [!${kind}]\n> ${text}`);
  } else {
    const label = r.pick(w.v.calloutLabels);
    w.words += countPlainWords(label);
    w.blocks.push(`> **${label}** ${text}`);
  }
}

function code(r: Random, w: Writer): void {
  const sample = r.pick(CODE_SAMPLES);
  w.blocks.push(`\`\`\`${sample.lang}\n${sample.make(r)}\n\`\`\``);
  w.codeBlocks += 1;
}

function blockquote(r: Random, w: Writer): void {
  const text = sentence(r, w.v);
  w.words += countPlainWords(text);
  w.blocks.push(`> ${text}`);
}

interface Plan {
  index: number;
  slug: string;
  /** Entries of the vocabulary's title lists, so the title translates entry by entry. */
  topic: number;
  angle: number;
  context: number | undefined;
  /** ` (2)` and the like, when the title's slug was taken. */
  suffix: string;
  /** An entry of the vocabulary's headings. */
  firstHeading: number;
  difficulty: Difficulty;
  draft: 'no' | 'draft' | 'unpublished';
  mdx: boolean;
}

function titleOf(plan: Plan, v: Vocabulary): string {
  const topic = `${v.titleTopics[plan.topic]} ${v.titleAngles[plan.angle]}`;
  return `${v.title(topic, plan.context === undefined ? undefined : v.titleContexts[plan.context])}${plan.suffix}`;
}

/** How a body links to another guide, `target`: its page (and maybe an anchor) and the title shown. */
type LinkMaker = (r: Random, target: Plan) => Link;

/** The id rehypeHeadingIds gives a guide's first heading: the first of its kind on the page. */
function firstHeadingId(plan: Plan, v: Vocabulary): string {
  return new GithubSlugger().slug(v.headings[plan.firstHeading]!);
}

function body(
  r: Random,
  v: Vocabulary,
  plan: Plan,
  targets: readonly Plan[],
  linkTo: LinkMaker,
): { text: string; words: number; links: string[] } {
  const w: Writer = { v, blocks: [], words: 0, footnotes: [], codeBlocks: 0, links: [] };
  const target = r.int(WORDS_MIN + 40, WORDS_MAX - 80);
  const codeTarget = r.int(1, 3);
  const linkTargets = r.sample(
    targets.filter((t) => t.slug !== plan.slug),
    r.int(1, 4),
  );
  const nextLink = (): Link | undefined => {
    const t = linkTargets.shift();
    return t && linkTo(r, t);
  };

  if (plan.mdx) {
    w.blocks.push(`export const measuredYear = ${2015 + (plan.index % 10)};`);
    w.blocks.push(v.mdxSentence);
    w.words += countPlainWords(v.mdxSentence);
  }
  paragraph(r, w, r.int(2, 4));
  if (r.chance(0.5)) paragraph(r, w, r.int(2, 3), nextLink());

  const extras = [list, table, taskList, blockquote];
  const firstHeading = v.headings[plan.firstHeading]!;
  // Each heading once per guide, as real guides have them.
  const headings = r.sample(
    v.headings.filter((h) => h !== firstHeading),
    v.headings.length,
  );
  let section = 0;
  let githubCallout = r.chance(0.5);
  for (;;) {
    if (w.words >= target && w.codeBlocks >= codeTarget && linkTargets.length === 0) break;
    // A section adds at most about 400 words: near the ceiling, finish with what is still owed.
    if (w.words > WORDS_MAX - 400) {
      while (w.codeBlocks < codeTarget) code(r, w);
      for (let link = nextLink(); link; link = nextLink()) paragraph(r, w, 0, link);
      break;
    }
    const heading = section === 0 ? firstHeading : (headings.shift() ?? r.pick(v.headings));
    w.blocks.push(`## ${heading}`);
    w.words += countPlainWords(heading);
    paragraph(r, w, r.int(3, 5), nextLink());
    if (w.codeBlocks < codeTarget && (section > 0 || r.chance(0.5))) code(r, w);
    r.pick(extras)(r, w);
    if (r.chance(0.6)) {
      callout(r, w, githubCallout);
      githubCallout = !githubCallout;
    }
    if (r.chance(0.4)) {
      const sub = r.pick(v.subheadings);
      w.blocks.push(`### ${sub}`);
      w.words += countPlainWords(sub);
      paragraph(r, w, r.int(2, 4), nextLink());
      if (r.chance(0.2)) {
        const deeper = v.inDetail(r.pick(v.subheadings));
        w.blocks.push(`#### ${deeper}`);
        w.words += countPlainWords(deeper);
        paragraph(r, w, 2);
      }
    }
    section += 1;
  }
  if (w.footnotes.length > 0) w.blocks.push(w.footnotes.join('\n'));
  return { text: `${w.blocks.join('\n\n')}\n`, words: w.words, links: w.links };
}

function pickDifficulty(r: Random): Difficulty {
  const roll = r.next();
  if (roll < DIFFICULTY_WEIGHTS.beginner) return 'beginner';
  if (roll < DIFFICULTY_WEIGHTS.beginner + DIFFICULTY_WEIGHTS.intermediate) return 'intermediate';
  return 'advanced';
}

/** YYYY-MM-DD for the day `offset` days after 2020-01-01, computed in UTC so time zones never matter. */
function dayAfter2020(offset: number): string {
  return new Date(Date.UTC(2020, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
}

const q = (text: string) => JSON.stringify(text);

/** An entry of `items`, drawn as `r.pick` draws it, by its position. */
const pickIndex = (r: Random, items: readonly unknown[]): number => Math.floor(r.next() * items.length);

/** A front-matter line; the marked ones are the lines a translation writes in its own language. */
interface FrontMatterLine {
  line: string;
  translate?: 'title' | 'description' | 'series-name';
}

/** What a translation keeps of its original. */
interface Original {
  plan: Plan;
  guide: GeneratedGuide;
  frontMatter: FrontMatterLine[];
  /** The day the original last changed (its `updated`, else its `date`), days after 2020-01-01. */
  changedOffset: number;
  series: { n: number; topic: number } | undefined;
}

/** A seed per language, from the library's seed and the code: FNV-1a over the code's characters. */
function translationSeed(seed: number, code: string): number {
  let hash = 0x811c9dc5;
  for (const char of code.toLowerCase()) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193);
  return (seed ^ hash) >>> 0;
}

/**
 * Generates `count` guides, and with `translation` a translation of each into that language,
 * listed after all the originals. Pure and deterministic: the same options give the same output,
 * and the originals are the same with or without translations.
 */
export function generateGuides({ count, seed = 20_251_129, translation }: GenerateOptions): GeneratedGuide[] {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count: expected a whole number, found ${count}`);
  const v = ENGLISH;
  const r = createRandom(seed);
  const slugs = new Set<string>();

  // First pass: identities, so bodies can link to guides that exist.
  const plans: Plan[] = [];
  for (let index = 0; index < count; index++) {
    const topic = pickIndex(r, v.titleTopics);
    const angle = pickIndex(r, v.titleAngles);
    const context = r.chance(0.85) ? pickIndex(r, v.titleContexts) : undefined;
    const title = titleOf({ topic, angle, context, suffix: '' } as Plan, v);
    const base = slugify(title);
    let slug = base;
    for (let n = 2; slugs.has(slug); n++) slug = `${base}-${n}`;
    slugs.add(slug);
    const draftRoll = r.next();
    plans.push({
      index,
      slug,
      topic,
      angle,
      context,
      // Titles repeat across a large library; the number keeps each card and search hit telling.
      suffix: slug === base ? '' : ` (${slug.slice(base.length + 1)})`,
      firstHeading: pickIndex(r, v.headings),
      difficulty: pickDifficulty(r),
      // About 2% drafts, half of them written the Jekyll way.
      draft: draftRoll < 0.01 ? 'draft' : draftRoll < 0.02 ? 'unpublished' : 'no',
      mdx: r.chance(0.05),
    });
  }
  const published = plans.filter((p) => p.draft === 'no');

  // Series: runs of 3 to 5 published guides, about one guide in six belongs to one.
  const seriesOf = new Map<string, { n: number; topic: number; part: number; members: Plan[] }>();
  let seriesCount = 0;
  for (let i = 0; i + 5 <= published.length; i += r.int(12, 30)) {
    seriesCount += 1;
    const members = published.slice(i, i + r.int(3, 5));
    const n = seriesCount;
    const topic = pickIndex(r, v.titleTopics);
    members.forEach((m, part) => seriesOf.set(m.slug, { n, topic, part: part + 1, members }));
  }

  // Some links point at the target's first heading, whose id rehypeHeadingIds makes with github-slugger.
  const linkToOriginal: LinkMaker = (rand, t) => {
    const anchor = rand.chance(0.3) ? firstHeadingId(t, v) : undefined;
    return { slug: t.slug, title: titleOf(t, v), href: `/guides/${t.slug}/${anchor ? `#${anchor}` : ''}` };
  };

  const originals = plans.map((plan): Original => {
    const dayOffset = Math.floor((plan.index * 2000) / Math.max(count, 1)) + r.int(0, 3);
    let changedOffset = dayOffset;
    const date = dayAfter2020(dayOffset);
    const title = titleOf(plan, v);
    const fm: FrontMatterLine[] = [];
    const add = (line: string, translate?: FrontMatterLine['translate']) =>
      fm.push(translate ? { line, translate } : { line });
    // Not in MDX: @astrojs/mdx imports a `layout` field as a component path, and `guide` is no such path.
    if (!plan.mdx && r.chance(0.5)) add('layout: guide');
    add(`title: ${q(title)}`, 'title');
    // Most dates are YAML dates; some are ISO 8601 strings with a time and an offset.
    add(r.chance(0.8) ? `date: ${date}` : `date: ${q(`${date}T${String(r.int(6, 20)).padStart(2, '0')}:30:00Z`)}`);
    if (r.chance(0.3)) {
      changedOffset = dayOffset + r.int(10, 300);
      add(`updated: ${dayAfter2020(changedOffset)}`);
    }
    add(`difficulty: ${plan.difficulty}`);
    const tagLabels: string[] = r.sample(SYNTHETIC_TAGS, r.int(1, 5));
    // Tags are written as labels or as slugs; now and then the same tag twice, which is one tag.
    const tags = tagLabels.map((label) => (r.chance(0.3) ? tagSlug(label) : label));
    if (r.chance(0.02) && tagLabels[0]) tags.push(tagSlug(tagLabels[0]));
    add(`tags: [${tags.map(q).join(', ')}]`);
    if (r.chance(0.95)) add(`description: ${q(v.description(r, v, plan.difficulty, title))}`, 'description');
    const time = r.next();
    if (time < 0.2) add(`estimated_time: ${q(`${r.int(4, 12)} min read`)}`);
    else if (time < 0.35) add(`estimated_time: ${r.int(4, 12)}`);
    const series = seriesOf.get(plan.slug);
    if (series) {
      add('series:');
      add(`  name: ${q(v.seriesName(series.n, v.titleTopics[series.topic]!))}`, 'series-name');
      add(`  part: ${series.part}`);
      // Some paths spell out what the library would otherwise compute.
      if (series.members.length === 5) {
        add(`  total: ${series.members.length}`);
        const previous = series.members[series.part - 2];
        const next = series.members[series.part];
        if (previous) add(`  previous: ${previous.slug}`);
        if (next) add(`  next: ${next.slug}`);
      }
    }
    if (r.chance(0.3) && published.length > 1) {
      const related = r.sample(published, 3).filter((p) => p.slug !== plan.slug);
      add(`related: [${related.map((p) => p.slug).join(', ')}]`);
    }
    if (plan.draft === 'draft') add('draft: true');
    if (plan.draft === 'unpublished') add('published: false');

    const { text, words, links } = body(r, v, plan, published, linkToOriginal);
    // Mostly Jekyll names; some plain names; one in fifty named by a `slug` override instead.
    let fileName: string;
    if (r.chance(0.02)) {
      add(`slug: ${plan.slug}`);
      fileName = `guide-${String(plan.index).padStart(5, '0')}`;
    } else {
      fileName = r.chance(0.7) ? `${date}-${plan.slug}` : plan.slug;
    }
    fileName += plan.mdx ? '.mdx' : '.md';
    const guide: GeneratedGuide = {
      fileName,
      slug: plan.slug,
      title,
      difficulty: plan.difficulty,
      tags,
      draft: plan.draft !== 'no',
      links,
      words,
      source: `---\n${fm.map((l) => l.line).join('\n')}\n---\n\n${text}`,
    };
    return { plan, guide, frontMatter: fm, changedOffset, series: series && { n: series.n, topic: series.topic } };
  });
  const guides = originals.map((o) => o.guide);
  if (translation === undefined) return guides;
  return [...guides, ...translateGuides(originals, published, translation, translationSeed(seed, translation))];
}

/**
 * A translation of every original into `code`, in the French vocabulary (any language code gets
 * French-looking prose: the bench needs pages, not good French). Each keeps its original's file
 * name, date, level, tags, series part and links in front matter; its title, description and
 * series name are translated entry by entry, `translated` is a day after the original last
 * changed (so none is out of date), and its body is new prose whose links go to other
 * translations (`/<code>/guides/x/`, anchors by the translated first heading) or, now and then, to
 * originals (`/guides/x/`).
 */
function translateGuides(
  originals: readonly Original[],
  published: readonly Plan[],
  code: string,
  seed: number,
): GeneratedGuide[] {
  const v = FRENCH;
  const r = createRandom(seed);
  const linkTo: LinkMaker = (rand, t) => {
    const own = rand.chance(0.85);
    const anchor = rand.chance(0.3) ? firstHeadingId(t, own ? v : ENGLISH) : undefined;
    const page = own ? `/${code}/guides/${t.slug}/` : `/guides/${t.slug}/`;
    return { slug: t.slug, title: titleOf(t, own ? v : ENGLISH), href: `${page}${anchor ? `#${anchor}` : ''}` };
  };
  return originals.map(({ plan, guide, frontMatter, changedOffset, series }) => {
    const title = titleOf(plan, v);
    const fm = frontMatter.map(({ line, translate }) => {
      if (translate === 'title') return `title: ${q(title)}`;
      if (translate === 'description') return `description: ${q(v.description(r, v, plan.difficulty, title))}`;
      if (translate === 'series-name' && series)
        return `  name: ${q(v.seriesName(series.n, v.titleTopics[series.topic]!))}`;
      return line;
    });
    fm.push(`translated: ${dayAfter2020(changedOffset + r.int(1, 60))}`);
    const { text, words, links } = body(r, v, plan, published, linkTo);
    return {
      ...guide,
      fileName: `${code}/${guide.fileName}`,
      title,
      translationOf: guide.fileName,
      links,
      words,
      source: `---\n${fm.join('\n')}\n---\n\n${text}`,
    };
  });
}

/** Writes guides into `dir` (translations into its `<code>/` folders), replacing whatever was there. */
export async function writeGuides(dir: string, guides: readonly GeneratedGuide[]): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const folders = new Set(guides.map((g) => path.dirname(g.fileName)).filter((d) => d !== '.'));
  for (const folder of folders) await mkdir(path.join(dir, folder), { recursive: true });
  for (const guide of guides) await writeFile(path.join(dir, guide.fileName), guide.source);
}
