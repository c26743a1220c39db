/**
 * Slugs for guides and tags. Runs in Node (build, scripts) and is safe in the browser.
 */
import { foldDiacritics } from './fold';

const JEKYLL_DATE_PREFIX = /^\d{4}-\d{2}-\d{2}-/;

/** Lower case, diacritics dropped, anything that is not a letter or digit becomes one hyphen. */
export function slugify(text: string): string {
  return foldDiacritics(text)
    .toLowerCase()
    .replace(/[^\p{Letter}\p{Number}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/** `size:small` → `size-small`, `Carbon Aware` → `carbon-aware`. Labels with one slug are one tag. */
export function tagSlug(label: string): string {
  return slugify(label);
}

/**
 * A guide's slug from its path relative to the guides folder: the file name without its
 * extension and without a Jekyll `YYYY-MM-DD-` prefix. Folders do not count, so that
 * `/guides/slug/` URLs of imported Jekyll sites keep working.
 */
export function slugFromPath(relativePath: string): string {
  const file = relativePath.split(/[\\/]/).pop() ?? relativePath;
  const stem = file.replace(/\.(md|mdx|markdown)$/i, '');
  return slugify(stem.replace(JEKYLL_DATE_PREFIX, ''));
}

/** The date in a Jekyll file name (`2024-03-01-x.md`), if any, as YYYY-MM-DD. */
export function dateFromPath(relativePath: string): string | undefined {
  const file = relativePath.split(/[\\/]/).pop() ?? relativePath;
  return JEKYLL_DATE_PREFIX.exec(file)?.[0].slice(0, 10);
}

/** The slug a guide ends up with: its `slug` field when it has a usable one, else its file name. */
export function guideSlug(relativePath: string, data: Record<string, unknown>): string {
  if (typeof data['slug'] === 'string') {
    const override = slugify(data['slug']);
    if (override) return override;
  }
  return slugFromPath(relativePath);
}
