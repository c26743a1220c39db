/**
 * Provides the stylesheet behind highlighted code's colour classes (src/markdown/code-classes.ts)
 * as a virtual CSS module, generated from the Shiki themes guides are highlighted with
 * (src/markdown/options.ts), and adds it to every page. Nothing is written to the source tree;
 * the CSS is bundled with the rest.
 */
import type { AstroIntegration } from 'astro';
import { bundledThemes, type BundledTheme } from 'shiki';
import { codeClassesCss, type ThemePalette } from '../../markdown/code-classes';
import { shikiConfig } from '../../markdown/options';

const MODULE_ID = 'virtual:greenpath/code-colours.css';
// Vite treats ids ending in .css as stylesheets; the \0 prefix keeps other plugins off it.
const RESOLVED_ID = `\0${MODULE_ID}`;

async function loadTheme(theme: unknown): Promise<ThemePalette> {
  if (typeof theme === 'string') {
    const loader = bundledThemes[theme as BundledTheme];
    if (!loader) throw new Error(`Unknown Shiki theme "${theme}" in shikiConfig.themes (src/markdown/options.ts)`);
    return (await loader()).default;
  }
  return theme as ThemePalette;
}

export default function codeColours(): AstroIntegration {
  return {
    name: 'greenpath:code-colours',
    hooks: {
      'astro:config:setup': ({ updateConfig, injectScript }) => {
        const configured: Record<string, unknown> = shikiConfig.themes;
        let css: Promise<string> | undefined;
        const stylesheet = () =>
          (css ??= Promise.all(
            Object.entries(configured).map(async ([key, theme]) => [key, await loadTheme(theme)] as const),
          ).then((entries) => codeClassesCss(Object.fromEntries(entries))));
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'greenpath:code-colours',
                resolveId: (id) => (id === MODULE_ID ? RESOLVED_ID : undefined),
                load: (id) => (id === RESOLVED_ID ? stylesheet() : undefined),
              },
            ],
          },
        });
        injectScript('page-ssr', `import '${MODULE_ID}';`);
      },
    },
  };
}
