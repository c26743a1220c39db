/** Whether a site path such as `/images/x.svg` names a file in `public/`. Remote URLs count as present. Node only. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { safeDecodeURIComponent } from '../lib/decode-uri';

export const PUBLIC_DIR = 'public';

export function publicFileExists(src: string, root: string = process.cwd()): boolean {
  if (!src.startsWith('/') || src.startsWith('//')) return true;
  const clean = safeDecodeURIComponent(src.split(/[?#]/)[0] ?? src);
  return existsSync(path.join(root, PUBLIC_DIR, clean));
}
