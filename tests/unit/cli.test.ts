import { describe, expect, it } from 'vitest';
import { oneOf, parseCommandLine, usageText, UsageError, wholeNumber, type CommandSpec } from '../../scripts/lib/cli';

const spec: CommandSpec = {
  name: 'demo',
  synopsis: 'npm run demo -- SOURCE...',
  positionals: { min: 1, max: 2, name: 'SOURCE' },
  options: {
    out: { type: 'string', value: 'DIR', help: 'where to write', default: 'out' },
    force: { type: 'boolean', help: 'overwrite' },
    map: { type: 'string', value: 'from=to', help: 'rename', multiple: true },
  },
};

/** The one-line message a command line is refused with. */
function refusal(argv: string[]): string {
  try {
    parseCommandLine(spec, argv);
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
  throw new Error(`accepted: ${argv.join(' ')}`);
}

describe('parseCommandLine', () => {
  it('reads options, defaults, repeated options and positionals', () => {
    expect(parseCommandLine(spec, ['a', '--force', '--map', 'x=y', '--map=z=w', 'b'])).toEqual({
      values: { out: 'out', force: true, map: ['x=y', 'z=w'] },
      positionals: ['a', 'b'],
    });
    expect(parseCommandLine(spec, ['--out=dist', 'a'])).toEqual({
      values: { out: 'dist', map: [] },
      positionals: ['a'],
    });
  });

  it('answers --help and -h before anything else is checked', () => {
    expect(parseCommandLine(spec, ['--help'])).toBe('help');
    expect(parseCommandLine(spec, ['--nonsense', '-h'])).toBe('help');
  });

  it('refuses each mistake with one line saying what was expected', () => {
    expect(refusal(['a', '--out'])).toBe('--out: expected a value (DIR), found nothing');
    expect(refusal(['a', '--out', '--force'])).toBe('--out: expected a value (DIR), found nothing');
    expect(refusal(['a', '--force=yes'])).toBe('--force: expected no value, found "yes"');
    expect(refusal(['a', '--forse'])).toBe(
      '--forse: unknown option (did you mean --force?); expected one of --out, --force, --map',
    );
    expect(refusal(['a', '-x'])).toBe('-x: unknown option; expected one of --out, --force, --map');
    expect(refusal([])).toBe('expected a SOURCE, found none');
    expect(refusal(['a', 'b', 'c'])).toBe('expected at most 2 SOURCEs, found 3: "a" "b" "c"');
    for (const argv of [['a', '--out'], ['--zap'], []]) expect(refusal(argv)).not.toContain('\n');
  });
});

describe('value checks', () => {
  it('wholeNumber takes whole numbers from its minimum and refuses the rest', () => {
    expect(wholeNumber('guides', '1000')).toBe(1000);
    expect(wholeNumber('seed', '0', 0)).toBe(0);
    for (const raw of ['0', '-3', '1.5', '1e3', 'ten', '', undefined])
      expect(() => wholeNumber('guides', raw)).toThrow(UsageError);
    expect(() => wholeNumber('guides', 'ten')).toThrow('--guides: expected a whole number from 1, found "ten"');
  });

  it('oneOf takes one of its choices, passes undefined through and refuses the rest', () => {
    expect(oneOf('links', 'warn', ['error', 'warn'])).toBe('warn');
    expect(oneOf('links', undefined, ['error', 'warn'])).toBeUndefined();
    expect(() => oneOf('links', 'maybe', ['error', 'warn'])).toThrow(
      '--links: expected one of error, warn, found "maybe"',
    );
  });
});

describe('usageText', () => {
  it('lists every option once, with its value, help and default, and --help', () => {
    expect(usageText(spec)).toBe(
      [
        'usage: npm run demo -- SOURCE... [options]',
        '',
        'options:',
        '  --out DIR      where to write (default: out)',
        '  --force        overwrite',
        '  --map from=to  rename (may be repeated)',
        '  --help         print this help and exit',
        '',
      ].join('\n'),
    );
  });
});
