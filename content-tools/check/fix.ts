/**
 * `npm run fix:content`: makes the certain repairs of ./repair.ts in place, and only those. A
 * file is written only when it improves; each written file is first copied to a backup folder
 * (`.greenpath/backups/fix-<time>/`), and written atomically. Then the whole check runs on the
 * result, so what is left is listed with its line. A dry run computes the same and writes
 * nothing. Node only.
 */
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../../src/node/atomic-write';
import { listGuideFiles } from '../guide-files';
import { guidesDir } from '../../src/data/guides-dir';
import type { CodePage } from './codepages';
import { checkContent, type ContentCheckOptions, type ContentReport } from './';
import { repairGuideBytes, type TextRepair } from './repair';

export interface FixOptions extends Omit<ContentCheckOptions, 'files'> {
  dryRun?: boolean;
  encoding?: CodePage;
  /** Where backups go, relative to root; a timestamped folder below `.greenpath/backups` by default. */
  backupDir?: string;
}

export interface FixedFile {
  relativePath: string;
  displayPath: string;
  repairs: TextRepair[];
  /** Why the file was not touched although something in it is wrong. */
  refused?: string;
  written: boolean;
  /** Where the original was copied before it was replaced. */
  backup?: string;
}

export interface FixResult {
  files: FixedFile[];
  /** The check of the repaired folder: every problem left. */
  report: ContentReport;
  backupDir: string | undefined;
}

export async function fixContent(options: FixOptions = {}): Promise<FixResult> {
  const root = options.root ?? process.cwd();
  const dir = options.dir ?? guidesDir();
  const absDir = path.resolve(root, dir);
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const backupDir = options.backupDir ?? path.join('.greenpath/backups', `fix-${stamp}`);
  const files: FixedFile[] = [];
  const repaired = new Map<string, Uint8Array>();
  for (const rel of await listGuideFiles(absDir)) {
    const abs = path.join(absDir, rel);
    const displayPath = path.relative(root, abs).split(path.sep).join('/');
    const bytes = await readFile(abs);
    const result = repairGuideBytes(bytes, options.encoding ? { encoding: options.encoding } : {});
    if (result.refused) {
      files.push({ relativePath: rel, displayPath, repairs: [], refused: result.refused, written: false });
      continue;
    }
    if (!result.bytes || Buffer.compare(Buffer.from(result.bytes), bytes) === 0) continue;
    repaired.set(rel, result.bytes);
    files.push({ relativePath: rel, displayPath, repairs: result.repairs, written: false });
  }

  if (!options.dryRun) {
    for (const file of files) {
      const bytes = repaired.get(file.relativePath);
      if (!bytes) continue;
      const backup = path.join(backupDir, dir.startsWith('..') ? path.basename(absDir) : dir, file.relativePath);
      await mkdir(path.dirname(path.resolve(root, backup)), { recursive: true });
      await copyFile(path.join(absDir, file.relativePath), path.resolve(root, backup));
      await writeFileAtomic(path.join(absDir, file.relativePath), bytes);
      file.written = true;
      file.backup = backup.split(path.sep).join('/');
    }
  }

  const { dryRun: _dryRun, encoding: _encoding, backupDir: _backup, ...checkOptions } = options;
  const report = await checkContent({ ...checkOptions, root, dir, files: repaired });
  const wroteAny = files.some((f) => f.written);
  return { files, report, backupDir: wroteAny ? backupDir.split(path.sep).join('/') : undefined };
}
