/**
 * The built site's HTML pages, read once into memory for the passes that finish them
 * (./security-headers.ts, then ./carbon-figure.ts) and written back once, only where a pass
 * changed something. Reading and writing run several files at a time, so the disk and the
 * thread pool stay busy while the passes compute. Node only.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pLimit from 'p-limit';

/** Files read or written at once: enough to keep the thread pool busy, far below any open-file limit. */
const IO_CONCURRENCY = 32;

export class FinishedPages {
  /** Relative path (`guides/x/index.html`) → HTML as it is now. */
  readonly html = new Map<string, string>();
  private readonly changed = new Set<string>();

  private constructor(readonly root: string) {}

  /** Every `.html` file below `root`, in path order. */
  static async read(root: string): Promise<FinishedPages> {
    const pages = new FinishedPages(root);
    const files = (await readdir(root, { recursive: true }))
      .map(String)
      .filter((file) => file.endsWith('.html'))
      .sort();
    const limit = pLimit(IO_CONCURRENCY);
    const texts = await limit.map(files, (file) => readFile(path.join(root, file), 'utf8'));
    files.forEach((file, i) => pages.html.set(file, texts[i] ?? ''));
    return pages;
  }

  get files(): string[] {
    return [...this.html.keys()];
  }

  get(file: string): string {
    const html = this.html.get(file);
    if (html === undefined) throw new Error(`Not a page of this build: ${file}`);
    return html;
  }

  set(file: string, html: string): void {
    if (this.get(file) === html) return;
    this.html.set(file, html);
    this.changed.add(file);
  }

  /** Writes the pages a pass changed; returns how many. */
  async write(): Promise<number> {
    const limit = pLimit(IO_CONCURRENCY);
    const files = [...this.changed].sort();
    await limit.map(files, (file) => writeFile(path.join(this.root, file), this.get(file)));
    this.changed.clear();
    return files.length;
  }
}
