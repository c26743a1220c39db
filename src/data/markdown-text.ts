/**
 * Which words the Markdown plugins write into a guide: those of the language its file is in
 * (src/lib/languages.ts `languageOfGuideFile`), read from `src/i18n/` once. Node only.
 */
import path from 'node:path';
import { createTranslator, pickLanguage, type Translator } from '../lib/i18n';
import { languageOfGuideFile, siteLanguages, type Language } from '../lib/languages';
import { markdownTextOf, type MarkdownText, type MarkdownTextFor } from '../markdown/interface-text';
import { guidesDir } from './guides-dir';
import { loadInterfaceText } from './interface-text';

export function markdownTextFor(
  languages: readonly Language[] = siteLanguages({ language: 'en', languages: [] }),
  root: string = process.cwd(),
  dir: string = guidesDir(),
): MarkdownTextFor {
  const { catalog } = loadInterfaceText([], root);
  const folder = path.resolve(root, dir);
  const fallback = languages[0]!.code;
  const byLanguage = new Map<string, MarkdownText>();
  return (filePath) => {
    const relative = filePath ? path.relative(folder, filePath) : '';
    const code =
      relative && !relative.startsWith('..') ? languageOfGuideFile(relative, languages).language.code : fallback;
    let text = byLanguage.get(code);
    if (!text) {
      const { lang, value } = pickLanguage(catalog, code, fallback);
      const translator: Translator = createTranslator(lang, value);
      text = markdownTextOf(translator);
      byLanguage.set(code, text);
    }
    return text;
  };
}
