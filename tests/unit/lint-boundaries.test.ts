// src/lib/ holds code that runs anywhere; the ESLint config enforces it. These tests run the
// project's own config, so they fail if the rule is dropped, narrowed or pointed at other files.
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

// The snippets are not files on disk, so TypeScript's project service cannot type them: the
// type-aware rules are switched off here; the import rule needs no types.
const eslint = new ESLint({
  cwd: fileURLToPath(new URL('../..', import.meta.url)),
  overrideConfig: tseslint.configs.disableTypeChecked,
});

async function restrictedImports(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map((m) => `${m.ruleId ?? 'fatal'}: ${m.message}`);
}

describe('src/lib/ runs anywhere', () => {
  it('rejects node: modules and bare Node built-ins, naming where such code goes', async () => {
    const messages = await restrictedImports(
      "import { readFileSync } from 'node:fs';\nimport path from 'path';\n\nexport const read = [readFileSync, path];\n",
      'src/lib/example.ts',
    );
    expect(messages).toHaveLength(2);
    for (const message of messages) {
      expect(message).toMatch(/^no-restricted-imports: '(node:fs|path)' import is restricted/);
      expect(message).toContain('Node build code goes in src/integrations/<feature>/ or the content tools');
    }
  });

  it('rejects astro: modules, naming where collection queries go', async () => {
    const messages = await restrictedImports(
      "import { getCollection } from 'astro:content';\n\nexport const query = getCollection;\n",
      'src/lib/calculators/example.ts',
    );
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/^no-restricted-imports: 'astro:content' import is restricted/);
    expect(messages[0]).toContain('astro:content queries in src/data/');
  });

  it('accepts code that imports only portable modules', async () => {
    const messages = await restrictedImports(
      "import { slugify } from '~/lib/slug';\n\nexport const slug = slugify;\n",
      'src/lib/example.ts',
    );
    expect(messages).toEqual([]);
  });

  it('leaves Node code outside src/lib/ alone', async () => {
    const messages = await restrictedImports(
      "import { readFileSync } from 'node:fs';\n\nexport const read = readFileSync;\n",
      'src/integrations/example.ts',
    );
    expect(messages).toEqual([]);
  });
});
