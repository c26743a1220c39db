interface ImportMetaEnv {
  /** True in `astro dev` only: drafts are part of the library there (set by the content guard). */
  readonly GREENPATH_DRAFTS: boolean;
}

declare module 'virtual:greenpath/site' {
  /** content/site.yaml, checked (src/integrations/site-config.ts). */
  const config: import('./data/site-config').SiteConfig;
  export const difficultyLabels: Record<import('./lib/difficulty').Difficulty, string>;
  export const difficultyBlurbs: Record<import('./lib/difficulty').Difficulty, string>;
  /** The guides folder of this build, relative to the project root. */
  export const guidesDir: string;
  export default config;
}

declare module 'virtual:greenpath/site.css';
