/**
 * The check's switches. The build reads them from its command line here (`npm run build --
 * --links=warn`; Astro passes flags it does not know through); `check:content` and `fix:content`
 * declare the same two options in scripts/lib/check-options.ts. Pure.
 */
export const LINK_MODES = ['error', 'warn'] as const;

export interface CheckFlags {
  links?: (typeof LINK_MODES)[number];
  strictTags?: boolean;
}

/** Reads `--links=warn|error` (or `--links warn`) and `--strict-tags`; other arguments are ignored. */
export function readCheckFlags(argv: readonly string[]): CheckFlags {
  const flags: CheckFlags = {};
  argv.forEach((arg, i) => {
    const links = /^--links(?:=(.*))?$/.exec(arg);
    if (links) {
      const value = links[1] ?? argv[i + 1];
      if (value !== 'warn' && value !== 'error')
        throw new Error(`--links: expected warn or error, found ${value ?? 'nothing'}`);
      flags.links = value;
    }
    if (arg === '--strict-tags') flags.strictTags = true;
  });
  return flags;
}

/**
 * The same switches from the environment, for builds started by other tools:
 * `GREENPATH_LINKS=warn`, `GREENPATH_STRICT_TAGS=1`.
 */
export function readCheckEnv(env: Record<string, string | undefined>): CheckFlags {
  const flags: CheckFlags = {};
  const links = env['GREENPATH_LINKS'];
  if (links === 'warn' || links === 'error') flags.links = links;
  else if (links) throw new Error(`GREENPATH_LINKS: expected warn or error, found ${links}`);
  if (env['GREENPATH_STRICT_TAGS'] === '1' || env['GREENPATH_STRICT_TAGS'] === 'true') flags.strictTags = true;
  return flags;
}
