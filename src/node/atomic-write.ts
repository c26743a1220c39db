/**
 * Writes a file so that it is either the old file or the whole new one, never half of it: the
 * bytes go to a hidden temporary file beside the target (same folder, so the same file system),
 * which is then renamed over it; rename is atomic. A failed write removes its temporary file.
 * Temporary names start with `.`, which the guide loaders skip, so even a process killed between
 * the two steps leaves no guide behind. Node only.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

export const TEMP_SUFFIX = '.greenpath-tmp';

export interface AtomicWriteHooks {
  /** Runs after the temporary file is written and before the rename (tests simulate a crash here). */
  beforeRename?: (tempFile: string) => Promise<void> | void;
}

export async function writeFileAtomic(
  file: string,
  data: Uint8Array | string,
  hooks: AtomicWriteHooks = {},
): Promise<void> {
  const dir = path.dirname(file);
  await mkdir(dir, { recursive: true });
  const temp = path.join(dir, `.${path.basename(file)}.${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`);
  try {
    await writeFile(temp, data, { flush: true });
    await hooks.beforeRename?.(temp);
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
