import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

// GUIDES_DIR as the site reads it, relative to the folder the build runs from (the repository root).
const guidesDir = path.resolve(process.env['GUIDES_DIR'] || 'content/guides');

const guides = defineCollection({
  loader: glob({ pattern: '**/*.{md,mdx}', base: pathToFileURL(`${guidesDir}/`) }),
  // Permissive: the baseline measures rendering, not validation.
  schema: z.looseObject({ title: z.string(), draft: z.boolean().optional(), published: z.boolean().optional() }),
});

export const collections = { guides };
