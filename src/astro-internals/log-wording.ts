/**
 * The words Astro and its Markdown processor use in messages we act on. Astro has no public
 * event for these: a loader's failures reach us only as log lines, and the Markdown processor's
 * only as a `console.error`. Each matcher names the file that writes the message; all were checked
 * against astro 7.3.5 and @astrojs/markdown-remark 7.3.1 (./README.md). Were the wording to change,
 * the matcher stops matching and Astro's own message shows: nothing is lost, only doubled.
 */

/**
 * The glob loader's report of an entry it could not read or render
 * (astro/dist/content/loaders/glob.js: `Error reading <entry>: …`, `Error rendering <entry>: …`):
 * the entry's path, relative to the loader's base folder, and the error's message.
 */
export function entryFailure(message: string): { file: string; cause: string } | undefined {
  const match = /^Error (?:rendering|reading) (.+?): ([\s\S]*)$/.exec(message);
  return match?.[1] === undefined ? undefined : { file: match[1], cause: match[2] ?? '' };
}

/**
 * The glob loader's report, in `astro dev`, of a saved entry whose data the schema refused
 * (astro/dist/content/loaders/glob.js logs `Failed to reload <entry>: <message>`, and
 * InvalidContentEntryDataError in astro/dist/core/errors/errors-data.js says the data "does not
 * match collection schema").
 */
export function isSchemaReloadFailure(message: string): boolean {
  return /^Failed to reload .+?: [\s\S]*does not match collection schema/.test(message);
}

/**
 * The prefix @astrojs/markdown-remark (dist/index.js) puts on a render error's message before it
 * passes the error to `console.error` and rethrows it: `Failed to parse Markdown file "<path>":`.
 */
const MARKDOWN_FAILURE = /^Failed to parse Markdown file/;

/** Whether `line` is the Markdown processor's "Failed to parse Markdown file" prefix line. */
export function isMarkdownFailurePrefix(line: string): boolean {
  return MARKDOWN_FAILURE.test(line);
}

/** Whether `console.error` arguments are the Markdown processor's own report of a failed render. */
export function isMarkdownFailureReport(args: readonly unknown[]): boolean {
  const [first] = args;
  return args.length === 1 && first instanceof Error && MARKDOWN_FAILURE.test(first.message);
}

/**
 * Rolldown's warning about the `'use astro:head-inject'` directive Astro puts in every MDX module
 * (astro/dist/content/vite-plugin-content-assets.js), once per MDX guide per build, though nothing
 * is wrong.
 */
export function isHeadInjectDirectiveWarning(log: { code?: string | undefined; message: string }): boolean {
  return log.code === 'MODULE_LEVEL_DIRECTIVE' && log.message.includes('use astro:head-inject');
}
