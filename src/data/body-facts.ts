/**
 * A guide's body facts (words, reading time, first paragraph: ../lib/markdown-text.ts) travel with its
 * collection entry, in `rendered.metadata.frontmatter`, under one key. They are computed once per
 * changed guide, while Astro syncs the collection, and kept in its content cache with the entry:
 *
 * - for `.md`, by src/markdown/remark-body-facts.ts, from the very syntax tree Astro renders: Astro
 *   stores what remark plugins write to `file.data.astro.frontmatter` as
 *   `rendered.metadata.frontmatter` (astro/dist/vite-plugin-markdown/content-entry-type.js and
 *   @astrojs/markdown-remark's `render`, checked with astro 7.3.5);
 * - for `.mdx`, which Astro compiles later, in Vite, and stores with `deferredRender` and no
 *   `rendered`, by `storeBodyFacts` below, from the body the glob loader hands the store.
 *
 * Metadata rather than `data`: `data` is what the schema made of the author's front matter, and a
 * field there would be one authors could write. `render()` ignores `rendered` on a deferred (MDX)
 * entry, so the empty `html` given to MDX entries is never shown.
 */
import type { Loader, LoaderContext } from 'astro/loaders';
import { bodyFacts, type BodyFacts } from '../lib/markdown-text';

/** The key in `rendered.metadata.frontmatter`; namespaced so no author's key can clash with it. */
export const BODY_FACTS_KEY = 'greenpath:body-facts';

/** An entry's `rendered`, as loose as Astro's types for it (which say little of `metadata`). */
type Rendered = { metadata?: { readonly [key: string]: unknown } } | undefined;

function isBodyFacts(value: unknown): value is BodyFacts {
  if (typeof value !== 'object' || value === null) return false;
  const facts = value as Record<string, unknown>;
  return (
    typeof facts['words'] === 'number' &&
    typeof facts['readingMinutes'] === 'number' &&
    (facts['firstParagraph'] === undefined || typeof facts['firstParagraph'] === 'string')
  );
}

/** The facts stored with an entry's rendered content, or `undefined` when it has none. */
export function readBodyFacts(rendered: Rendered): BodyFacts | undefined {
  const frontmatter = rendered?.metadata?.['frontmatter'];
  const facts =
    typeof frontmatter === 'object' && frontmatter
      ? (frontmatter as Record<string, unknown>)[BODY_FACTS_KEY]
      : undefined;
  return isBodyFacts(facts) ? facts : undefined;
}

type StoredEntry = Parameters<LoaderContext['store']['set']>[0];

/**
 * What the store keeps of an entry: an MDX entry gets its facts, and no entry keeps its body (a
 * quarter of the data store, which every build serialises, bundles and loads again).
 */
export function withBodyFacts(entry: StoredEntry): StoredEntry {
  const { body, ...kept } = entry;
  if (kept.rendered || !kept.deferredRender || body === undefined) return kept;
  return { ...kept, rendered: { html: '', metadata: { frontmatter: { [BODY_FACTS_KEY]: bodyFacts(body) } } } };
}

/**
 * Wraps a loader (the glob loader, with its bodies retained) so that every entry it stores goes
 * through `withBodyFacts`. Entries Astro takes from its content cache are not stored again and
 * keep the facts they were stored with.
 */
export function storeBodyFacts(loader: Loader): Loader {
  return {
    ...loader,
    load: (context: LoaderContext) =>
      loader.load({ ...context, store: { ...context.store, set: (entry) => context.store.set(withBodyFacts(entry)) } }),
  };
}
