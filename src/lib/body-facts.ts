/**
 * Hands the body facts the content check computed (words, reading time, first paragraph: the
 * same functions, src/lib/markdown-text.ts) to the library, so a build parses each guide's
 * Markdown for its facts once, not twice. Parsing is about 15 ms a guide: for 1,000 guides the
 * second parse cost 16 s of every build, warm ones included, while the content check keeps its
 * results in a cache across builds. Facts are keyed by the body itself (a hash and its length),
 * so a guide edited since the check (in `astro dev`) is simply parsed again. Pure; runs anywhere.
 */
import type { BodyFacts } from './markdown-text';

export const BODY_FACTS_MODULE = 'virtual:greenpath/body-facts';

/** Leading blank lines and trailing whitespace change nothing in Markdown; parsers differ on them. */
function normalise(body: string): string {
  return body.replace(/^(?:[ \t]*\r?\n)+/, '').trimEnd();
}

/** cyrb53, a fast 53-bit string hash, with the length: a key for a body's text. */
export function bodyKey(body: string): string {
  const text = normalise(body);
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return `${(4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36)}:${text.length}`;
}

export type KnownFacts = Record<string, BodyFacts>;

/** The module the content guard serves: every checked guide's facts, by body key. */
export function bodyFactsModule(guides: readonly { body: string; facts: BodyFacts }[]): string {
  const known: KnownFacts = {};
  for (const { body, facts } of guides) {
    known[bodyKey(body)] = {
      words: facts.words,
      readingMinutes: facts.readingMinutes,
      firstParagraph: facts.firstParagraph,
    };
  }
  return `export default ${JSON.stringify(known)};`;
}

/** A lookup for `buildLibrary`: the known facts of a body, or `undefined` to compute them. */
export function lookupFacts(known: KnownFacts): (body: string) => BodyFacts | undefined {
  return (body) => known[bodyKey(body)];
}
