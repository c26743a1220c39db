/**
 * The content check's switches (content-tools/check/flags.ts) as options of the scripts that
 * run it, `check:content` and `fix:content`, declared once for scripts/lib/cli.ts.
 */
import { LINK_MODES, type CheckFlags } from '../../content-tools/check/flags';
import { oneOf, type OptionSpec, type OptionValues } from './cli';

export const CHECK_OPTIONS: Record<string, OptionSpec> = {
  links: { type: 'string', value: LINK_MODES.join('|'), help: 'whether broken links are errors or warnings' },
  'strict-tags': { type: 'boolean', help: 'make unknown tags errors' },
};

/** What the DIR argument of both scripts must be, for `existingPath`. */
export const GUIDES_FOLDER = { folder: true, is: 'a folder of guides' } as const;

/** The check's flags from values parsed with CHECK_OPTIONS; a wrong --links is a usage error. */
export function checkFlagsOf(values: OptionValues): CheckFlags {
  const links = oneOf('links', values['links'], LINK_MODES);
  return { ...(links ? { links } : {}), ...(values['strict-tags'] === true ? { strictTags: true } : {}) };
}
