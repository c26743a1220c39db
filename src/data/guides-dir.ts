/**
 * Where the guides are. The collection (src/content.config.ts), the build's integrations and the
 * content tools all ask here; it imports nothing, so the collection does not load the checker to
 * learn one folder name. Node only (reads `process.env`).
 */
export const DEFAULT_GUIDES_DIR = 'content/guides';

/** The guides folder for this run: `GUIDES_DIR` when set, else `content/guides`. */
export function guidesDir(env: Record<string, string | undefined> = process.env): string {
  return env['GUIDES_DIR'] || DEFAULT_GUIDES_DIR;
}
