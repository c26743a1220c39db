/**
 * Hands the body facts the content check computed (words, reading time, first paragraph: the
 * same functions, src/lib/markdown-text.ts) to the library, so a build parses each guide's
 * Markdown for its facts once, not twice. Parsing is about 15 ms a guide: for 1,000 guides the
 * second parse cost 16 s of every build, warm ones included, while the content check keeps its
 * results in a cache across builds. Facts are keyed by the body itself (a hash and its length),
 * so a guide edited since the check (in `astro dev`) is simply parsed again.
 *
 * The guard writes them to a file in Astro's cache folder and names it to the pages through
 * `import.meta.env.GREENPATH_BODY_FACTS`; a module would do, but its text changes with every
 * edited guide, and Astro's incremental builds render again every page whose imported code
 * changed (src/lib/page-keys.ts). Pure, but for `readKnownFacts`.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { BodyFacts } from './markdown-text';
import { textHash } from './page-keys';

export const BODY_FACTS_FILE = 'greenpath-body-facts.json';

/** Leading blank lines and trailing whitespace change nothing in Markdown; parsers differ on them. */
function normalise(body: string): string {
  return body.replace(/^(?:[ \t]*\r?\n)+/, '').trimEnd();
}

/** A key for a body's text: a fast hash and the length (see ./page-keys.ts), blind to outer blank lines. */
export function bodyKey(body: string): string {
  return textHash(normalise(body));
}

export type KnownFacts = Record<string, BodyFacts>;

/** What the content guard writes: every checked guide's facts, by body key, as JSON. */
export function bodyFactsJson(guides: readonly { body: string; facts: BodyFacts }[]): string {
  const known: KnownFacts = {};
  for (const { body, facts } of guides) {
    known[bodyKey(body)] = {
      words: facts.words,
      readingMinutes: facts.readingMinutes,
      firstParagraph: facts.firstParagraph,
    };
  }
  return JSON.stringify(known);
}

/** A lookup for `buildLibrary`: the known facts of a body, or `undefined` to compute them. */
export function lookupFacts(known: KnownFacts): (body: string) => BodyFacts | undefined {
  return (body) => known[bodyKey(body)];
}

/** The facts in `file` (written by the content guard), or none when there is no such file. */
export function readKnownFacts(file: string | undefined): KnownFacts {
  if (!file || !existsSync(file)) return {};
  return JSON.parse(readFileSync(file, 'utf8')) as KnownFacts;
}
