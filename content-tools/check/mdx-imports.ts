/**
 * MDX guides import components; an import that does not resolve fails the build with an error
 * about a module, not about the guide. Docusaurus guides bring `@theme/Tabs` and `@site/...`,
 * which only exist there. This names the guide, the line and the import instead. Pure: whether a
 * path exists is asked of the caller.
 */
import path from 'node:path/posix';
import type { Diagnostic } from '../../src/schemas/errors';
import { diagnostic, type GuideRecord } from './types';

const IMPORT = /^import\s[^'"]*?['"]([^'"]+)['"]/;
const EXTENSIONS = [
  '',
  '.astro',
  '.ts',
  '.tsx',
  '.js',
  '.jsx',
  '.mdx',
  '.md',
  '/index.ts',
  '/index.js',
  '/index.astro',
];

export interface ImportResolver {
  /** Whether a file exists at a path relative to the project root. */
  projectFileExists(relative: string): boolean;
  /** Whether a file exists at a path relative to the guides folder. */
  guideFolderFileExists(relative: string): boolean;
  /** Whether a package is installed. */
  packageExists(name: string): boolean;
}

export function resolvesImport(specifier: string, fromFile: string, resolver: ImportResolver): boolean {
  if (specifier.startsWith('~/')) {
    return EXTENSIONS.some((ext) => resolver.projectFileExists(`src/${specifier.slice(2)}${ext}`));
  }
  if (specifier.startsWith('./') || specifier.startsWith('../')) {
    const target = path.normalize(path.join(path.dirname(fromFile), specifier));
    return EXTENSIONS.some((ext) => resolver.guideFolderFileExists(`${target}${ext}`));
  }
  if (specifier.startsWith('/')) return false;
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
  return resolver.packageExists(name);
}

export function mdxImportDiagnostics(guide: GuideRecord, resolver: ImportResolver): Diagnostic[] {
  if (!guide.mdx) return [];
  const out: Diagnostic[] = [];
  guide.parsed.body.split('\n').forEach((line, i) => {
    const specifier = IMPORT.exec(line)?.[1];
    if (!specifier || resolvesImport(specifier, guide.relativePath, resolver)) return;
    out.push(
      diagnostic(
        guide,
        { line: guide.parsed.bodyLine + i, column: 1 },
        'error',
        'mdx',
        `imports "${specifier}", which does not resolve here; guides import components from src/components/mdx/ (~/components/mdx/…)`,
      ),
    );
  });
  return out;
}
