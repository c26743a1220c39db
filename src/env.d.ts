interface ImportMetaEnv {
  /** True in `astro dev` only: drafts are part of the library there (set by the content guard). */
  readonly GREENPATH_DRAFTS: boolean;
}
