/**
 * `virtual:greenpath/site` for the unit and browser tests, which run without astro.config.ts:
 * content/site.yaml loaded and exported as the build's module exports it
 * (src/integrations/site-config.ts).
 */
import { siteModuleExports } from '~/integrations/site-config';
import { loadSiteConfig } from '~/data/site-config';

const exported = siteModuleExports(loadSiteConfig().config);

export const { difficultyLabels, difficultyBlurbs, guidesDir } = exported;
export default exported.default;
