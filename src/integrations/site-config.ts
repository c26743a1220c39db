/**
 * Hands the checked `content/site.yaml` to the site, read once at config time
 * (src/data/site-config.ts), as two modules no component has to build for itself:
 * - `virtual:greenpath/site`: the configuration as data, read through src/lib/site.ts;
 * - `virtual:greenpath/site.css`: the accent tokens of both themes, bundled into the one
 *   stylesheet after tokens.css (an inline `<style>` or style attribute would need the
 *   Content-Security-Policy to allow it).
 * Its problems are reported by the content guard, with the guides'. Node only.
 */
import type { AstroIntegration } from 'astro';
import { DEFAULT_GUIDES_DIR } from '../data/guides-dir';
import type { SiteConfig } from '../data/site-config';
import { textIn } from '../schemas/site';

export const SITE_MODULE = 'virtual:greenpath/site';
export const SITE_CSS_MODULE = 'virtual:greenpath/site.css';

/** The accent tokens as CSS: the same `light-dark()` form tokens.css uses, in its layer. */
export function accentCss(config: SiteConfig): string {
  const { light, dark } = config.colours;
  return [
    '@layer tokens {',
    '  :root {',
    `    --gp-accent: light-dark(${light.accent}, ${dark.accent});`,
    `    --gp-accent-strong: light-dark(${light.strong}, ${dark.strong});`,
    `    --gp-accent-bg: light-dark(${light.tint}, ${dark.tint});`,
    '  }',
    '}',
    '',
  ].join('\n');
}

/**
 * The levels' names or lines on their own: browser code that shows a name bundles that export,
 * not the whole configuration (Rolldown keeps every property read of an object it keeps).
 */
function levels(config: SiteConfig, key: 'label' | 'description'): Record<string, string> {
  return Object.fromEntries(
    Object.entries(config.difficulty).map(([level, value]) => [
      level,
      textIn(value[key], config.language, config.language),
    ]),
  );
}

/** What `virtual:greenpath/site` exports (src/env.d.ts declares it; the unit tests' stand-in exports the same). */
export function siteModuleExports(config: SiteConfig, guidesDir: string = DEFAULT_GUIDES_DIR) {
  return {
    default: config,
    difficultyLabels: levels(config, 'label'),
    difficultyBlurbs: levels(config, 'description'),
    // The guides folder of this build (GUIDES_DIR), so a guide's file can be named in the repository.
    guidesDir,
  };
}

/** The Vite plugin behind both modules. */
export function siteConfigPlugin(config: SiteConfig, guidesDir: string = DEFAULT_GUIDES_DIR) {
  const resolved = new Map([
    [SITE_MODULE, `\0${SITE_MODULE}`],
    [SITE_CSS_MODULE, `\0${SITE_CSS_MODULE}`],
  ]);
  return {
    name: 'greenpath:site-config',
    resolveId(id: string) {
      return resolved.get(id);
    },
    load(id: string) {
      if (id === resolved.get(SITE_MODULE)) {
        const { default: all, ...named } = siteModuleExports(config, guidesDir);
        return [
          ...Object.entries(named).map(([name, value]) => `export const ${name} = ${JSON.stringify(value)};`),
          `export default ${JSON.stringify(all)};`,
          '',
        ].join('\n');
      }
      if (id === resolved.get(SITE_CSS_MODULE)) return accentCss(config);
      return undefined;
    },
  };
}

export default function siteConfigModule(config: SiteConfig, guidesDir?: string): AstroIntegration {
  return {
    name: 'greenpath:site-config',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({ vite: { plugins: [siteConfigPlugin(config, guidesDir)] } });
      },
    },
  };
}
