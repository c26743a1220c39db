interface ImportMetaEnv {
  /** True in `astro dev` only: drafts are part of the library there (set by the content guard). */
  readonly GREENPATH_DRAFTS: boolean;
}

/** Every checked guide's body facts, by body key (src/lib/body-facts.ts; served by the content guard). */
declare module 'virtual:greenpath/body-facts' {
  const known: import('./lib/body-facts').KnownFacts;
  export default known;
}
