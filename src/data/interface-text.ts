/**
 * The interface text files, `src/i18n/<code>.yaml`: read, flattened to dotted keys and checked
 * against the reference, `en.yaml`. A key missing from a language, a key the reference does not
 * have (with the nearest one it does), a count phrase without the forms its language needs, or a
 * `{var}` the pages never give is a Diagnostic with its file and line, reported by the build's
 * content guard and by `npm run check:content`. `parseInterfaceText` and `checkInterfaceText` are
 * pure; `loadInterfaceText` reads the disk (Node only).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { sortDiagnostics, type Diagnostic } from '../schemas/errors';
import { countCategories, isPluralForms, PLURAL_CATEGORIES, variablesOf, type Message } from '../lib/i18n';
import { nearest } from '../lib/nearest';

export const INTERFACE_TEXT_DIR = 'src/i18n';
/** The language whose file every other is checked against. */
export const REFERENCE_LANGUAGE = 'en';

export interface InterfaceTextFile {
  lang: string;
  file: string;
  /** Messages by dotted key. */
  messages: Record<string, Message>;
  /** Where each key is written. */
  positions: Map<string, { line: number; column: number }>;
  /** YAML syntax and shape problems. */
  diagnostics: Diagnostic[];
}

const problem = (file: string, at: { line: number; column: number }, key: string, message: string): Diagnostic => ({
  file,
  ...at,
  severity: 'error',
  rule: 'interface-text',
  field: key,
  message: `${key}: ${message}`,
});

/** A language file as messages by dotted key: a map of plural categories is one count phrase. */
export function parseInterfaceText(source: string, file: string, lang: string): InterfaceTextFile {
  const lines = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lines, uniqueKeys: true });
  const at = (offset: number) => {
    const { line, col } = lines.linePos(offset);
    return { line, column: col };
  };
  const result: InterfaceTextFile = { lang, file, messages: {}, positions: new Map(), diagnostics: [] };
  for (const e of doc.errors) {
    result.diagnostics.push({
      file,
      ...at(e.pos[0]),
      severity: 'error',
      rule: 'yaml',
      message: `YAML syntax: ${(e.message.split('\n')[0] ?? e.message).replace(/ at line \d+, column \d+:?$/, '')}`,
    });
  }
  if (result.diagnostics.length) return result;

  const walk = (node: Node | null, prefix: string, keyAt: { line: number; column: number }) => {
    if (isMap(node)) {
      const value: unknown = node.toJSON();
      if (prefix && isPluralForms(value)) {
        result.messages[prefix] = value;
        result.positions.set(prefix, keyAt);
        return;
      }
      for (const item of node.items) {
        const key = isScalar(item.key) ? String(item.key.value) : '';
        const where = isScalar(item.key) && item.key.range ? at(item.key.range[0]) : keyAt;
        walk(item.value as Node | null, prefix ? `${prefix}.${key}` : key, where);
      }
      return;
    }
    if (isScalar(node) && typeof node.value === 'string') {
      result.messages[prefix] = node.value;
      result.positions.set(prefix, keyAt);
      return;
    }
    const found = isSeq(node) ? 'a list' : isScalar(node) ? `${typeof node.value} ${String(node.value)}` : 'nothing';
    result.diagnostics.push(
      problem(
        file,
        keyAt,
        prefix || '(file)',
        `expected a text, or a count phrase with ${PLURAL_CATEGORIES.join('/')} forms (other always), found ${found}`,
      ),
    );
  };
  if (doc.contents === null) return result;
  if (!isMap(doc.contents)) {
    result.diagnostics.push(problem(file, { line: 1, column: 1 }, '(file)', 'expected a mapping of keys to texts'));
    return result;
  }
  walk(doc.contents, '', { line: 1, column: 1 });
  return result;
}

/**
 * What is wrong with a language's file, measured against the reference: missing keys (named with
 * the reference's line), unknown keys (with the nearest known one), a text where the reference has
 * a count phrase or the other way round, count forms the language does not have or needs, and
 * `{var}`s the reference does not use (the pages give only those).
 */
export function checkInterfaceText(reference: InterfaceTextFile, translation: InterfaceTextFile): Diagnostic[] {
  const out: Diagnostic[] = [];
  const { file, lang } = translation;
  const known = Object.keys(reference.messages);
  const firstLine = { line: 1, column: 1 };
  for (const key of known) {
    if (key in translation.messages) continue;
    const line = reference.positions.get(key)?.line;
    out.push(
      problem(file, firstLine, key, `missing: expected the ${lang} text of ${reference.file}${line ? `:${line}` : ''}`),
    );
  }
  const needed = countCategories(lang);
  const possible = new Intl.PluralRules(lang).resolvedOptions().pluralCategories as readonly string[];
  for (const [key, message] of Object.entries(translation.messages)) {
    const where = translation.positions.get(key) ?? firstLine;
    const original = reference.messages[key];
    if (original === undefined) {
      const near = nearest(key, known);
      out.push(
        problem(
          file,
          where,
          key,
          `unknown key${near ? `; did you mean \`${near}\`?` : ''} (${reference.file} has no such key)`,
        ),
      );
      continue;
    }
    if (typeof original === 'string' && typeof message !== 'string') {
      out.push(problem(file, where, key, `expected a text, as in ${reference.file}, found a count phrase`));
      continue;
    }
    if (typeof original !== 'string' && typeof message === 'string') {
      out.push(
        problem(
          file,
          where,
          key,
          `expected a count phrase (${needed.join(', ')}), as in ${reference.file}, found a text`,
        ),
      );
      continue;
    }
    if (typeof message !== 'string') {
      const forms = Object.keys(message);
      const extra = forms.filter((form) => !possible.includes(form));
      const absent = needed.filter((form) => !forms.includes(form));
      if (extra.length || absent.length) {
        out.push(
          problem(
            file,
            where,
            key,
            `expected the count forms ${lang} uses (${needed.join(', ')}), found ${forms.join(', ')}${absent.length ? `; missing ${absent.join(', ')}` : ''}${extra.length ? `; ${lang} has no ${extra.join(', ')}` : ''}`,
          ),
        );
      }
    }
    const given = new Set(variablesOf(original));
    const unknownVars = variablesOf(message).filter((name) => !given.has(name));
    if (unknownVars.length) {
      out.push(
        problem(
          file,
          where,
          key,
          `uses ${unknownVars.map((v) => `{${v}}`).join(', ')}, which the page does not give (it gives ${given.size ? [...given].map((v) => `{${v}}`).join(', ') : 'none'})`,
        ),
      );
    }
  }
  return out;
}

export interface InterfaceText {
  /** Messages by language code, then by dotted key. */
  catalog: Record<string, Record<string, Message>>;
  diagnostics: Diagnostic[];
}

/**
 * Every language file in one go: each parsed, each checked against the reference (whose own count
 * phrases are checked against English's forms), and each of the site's `languages` required to
 * have one. `sources` maps a file's path to its text.
 */
export function interfaceTextOf(
  sources: Readonly<Record<string, string>>,
  languages: readonly string[] = [],
  dir: string = INTERFACE_TEXT_DIR,
): InterfaceText {
  const files = Object.entries(sources).map(([file, source]) =>
    parseInterfaceText(source, file, path.posix.basename(file).replace(/\.ya?ml$/i, '')),
  );
  const diagnostics = files.flatMap((f) => f.diagnostics);
  const reference = files.find((f) => f.lang === REFERENCE_LANGUAGE);
  const referenceFile = `${dir}/${REFERENCE_LANGUAGE}.yaml`;
  if (!reference) {
    diagnostics.push(
      problem(
        referenceFile,
        { line: 1, column: 1 },
        '(file)',
        'missing: the reference interface text, every key in English',
      ),
    );
  } else {
    for (const f of files) if (f.diagnostics.length === 0) diagnostics.push(...checkInterfaceText(reference, f));
  }
  for (const code of languages) {
    // `en-GB` is served by en.yaml when it has no file of its own (src/lib/i18n.ts `pickLanguage`).
    const own = [code.toLowerCase(), code.split('-')[0]!.toLowerCase()];
    if (files.some((f) => own.includes(f.lang.toLowerCase()))) continue;
    diagnostics.push(
      problem(
        `${dir}/${code}.yaml`,
        { line: 1, column: 1 },
        '(file)',
        `missing: the interface text of ${code}, a copy of ${referenceFile} translated`,
      ),
    );
  }
  return {
    catalog: Object.fromEntries(files.map((f) => [f.lang, f.messages])),
    diagnostics: sortDiagnostics(diagnostics),
  };
}

/** Reads every `*.yaml` in `dir` (relative to `root`) and checks them for the site's languages. */
export function loadInterfaceText(
  languages: readonly string[],
  root: string = process.cwd(),
  dir: string = INTERFACE_TEXT_DIR,
): InterfaceText {
  const abs = path.resolve(root, dir);
  const sources: Record<string, string> = {};
  if (existsSync(abs)) {
    for (const name of readdirSync(abs).sort()) {
      if (/\.ya?ml$/i.test(name)) sources[`${dir}/${name}`] = readFileSync(path.join(abs, name), 'utf8');
    }
  }
  return interfaceTextOf(sources, languages, dir);
}
