interface ImportMetaEnv {
  /** True in `astro dev` only: drafts are part of the library there (set by the content guard). */
  readonly GREENPATH_DRAFTS: boolean;
  /** The file of every checked guide's body facts (src/lib/body-facts.ts; written by the content guard). */
  readonly GREENPATH_BODY_FACTS: string | undefined;
}
