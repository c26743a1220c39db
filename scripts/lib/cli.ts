/**
 * The command line of every script in scripts/, read one way. Each script declares its options
 * once (type, value name, help line, default); from that come node:util's parseArgs options and
 * the usage text. A wrong or missing option, or a value a script refuses, prints one line saying
 * what was expected (`import: --assets: expected a folder, found nothing`), then the usage, to
 * stderr and exits 2; never a Node stack trace. `--help` prints the usage to stdout and exits 0.
 */
import { statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { nearest } from '../../src/lib/nearest';

export interface OptionSpec {
  type: 'string' | 'boolean';
  /** What the value is, in the usage and in messages: `DIR`, `N`, `warn|error`. Strings only. */
  value?: string;
  help: string;
  default?: string | boolean;
  multiple?: boolean;
}

export interface CommandSpec {
  /** The script's npm name, which starts every message: `import`, `check:content`. */
  name: string;
  /** How it is run, without options: `npm run import -- SOURCE...`. */
  synopsis: string;
  options: Record<string, OptionSpec>;
  /** How many positional arguments it takes, and what they are called in messages. */
  positionals?: { min: number; max: number; name: string };
  /** Lines printed after the options, such as what each exit code means. */
  notes?: string;
}

export type OptionValues = Record<string, string | boolean | string[] | undefined>;

export interface CommandLine {
  values: OptionValues;
  positionals: string[];
}

/** A command line the script cannot run with; its message is the one line printed. */
export class UsageError extends Error {}

export function usageText(spec: CommandSpec): string {
  const flags = Object.entries(spec.options).map(([name, option]) => {
    const flag = `--${name}${option.type === 'string' ? ` ${option.value ?? 'VALUE'}` : ''}`;
    const shown =
      option.default === undefined || option.default === false ? '' : ` (default: ${String(option.default)})`;
    return [flag, `${option.help}${option.multiple ? ' (may be repeated)' : ''}${shown}`] as const;
  });
  flags.push(['--help', 'print this help and exit']);
  const width = Math.max(...flags.map(([flag]) => flag.length));
  const lines = flags.map(([flag, help]) => `  ${flag.padEnd(width)}  ${help}`);
  return `usage: ${spec.synopsis} [options]\n\noptions:\n${lines.join('\n')}\n${spec.notes ? `\n${spec.notes}\n` : ''}`;
}

const describeFound = (value: string | undefined) => (value === undefined ? 'nothing' : JSON.stringify(value));

/**
 * Parses `argv` against `spec`. Returns `'help'` when `--help` or `-h` is given; throws a
 * UsageError for an unknown option, a missing or unwanted value, or too many or too few
 * positional arguments. Pure.
 */
export function parseCommandLine(spec: CommandSpec, argv: readonly string[]): CommandLine | 'help' {
  const doubleDash = argv.indexOf('--');
  const flagsPart = doubleDash === -1 ? argv : argv.slice(0, doubleDash);
  if (flagsPart.includes('--help') || flagsPart.includes('-h')) return 'help';
  // Not strict: the tokens are checked here, so that every problem gets a message of ours.
  const { tokens } = parseArgs({
    args: [...argv],
    options: Object.fromEntries(
      Object.entries(spec.options).map(([name, o]) => [
        name,
        { type: o.type, ...(o.multiple ? { multiple: true } : {}) },
      ]),
    ),
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const values: OptionValues = {};
  for (const [name, option] of Object.entries(spec.options)) {
    if (option.multiple) values[name] = [];
    else if (option.default !== undefined) values[name] = option.default;
  }
  const positionals: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'positional') {
      positionals.push(token.value);
      continue;
    }
    if (token.kind !== 'option') continue;
    const option = spec.options[token.name];
    if (!option) {
      const suggestion = nearest(token.name, Object.keys(spec.options));
      throw new UsageError(
        `${token.rawName}: unknown option${suggestion ? ` (did you mean --${suggestion}?)` : ''}; expected one of ${Object.keys(
          spec.options,
        )
          .map((n) => `--${n}`)
          .join(', ')}`,
      );
    }
    if (option.type === 'boolean') {
      if (token.value !== undefined)
        throw new UsageError(`--${token.name}: expected no value, found ${describeFound(token.value)}`);
      values[token.name] = true;
      continue;
    }
    // parseArgs leaves the value out when the next argument is another option, or there is none.
    if (token.value === undefined || (token.inlineValue === false && token.value.startsWith('-')))
      throw new UsageError(
        `--${token.name}: expected a value${option.value ? ` (${option.value})` : ''}, found nothing`,
      );
    if (option.multiple) (values[token.name] as string[]).push(token.value);
    else values[token.name] = token.value;
  }
  const expected = spec.positionals ?? { min: 0, max: 0, name: 'argument' };
  if (positionals.length > expected.max) {
    throw new UsageError(
      expected.max === 0
        ? `expected no ${expected.name}s, found ${describeFound(positionals[0])}`
        : `expected at most ${expected.max} ${expected.name}${expected.max > 1 ? 's' : ''}, found ${positionals.length}: ${positionals.map((p) => describeFound(p)).join(' ')}`,
    );
  }
  if (positionals.length < expected.min) {
    throw new UsageError(
      `expected ${expected.min > 1 ? `at least ${expected.min} ` : 'a '}${expected.name}, found none`,
    );
  }
  return { values, positionals };
}

/** A whole number of at least `min` from a string option, or a UsageError naming it. */
export function wholeNumber(name: string, raw: string | boolean | string[] | undefined, min = 1): number {
  const n = typeof raw === 'string' && /^\s*-?\d+\s*$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(n) || n < min)
    throw new UsageError(`--${name}: expected a whole number from ${min}, found ${describeFound(String(raw))}`);
  return n;
}

/** One of `choices` from a string option (undefined stays undefined), or a UsageError naming it. */
export function oneOf<T extends string>(
  name: string,
  raw: string | boolean | string[] | undefined,
  choices: readonly T[],
): T | undefined {
  if (raw === undefined) return undefined;
  if (typeof raw === 'string' && (choices as readonly string[]).includes(raw)) return raw as T;
  throw new UsageError(`--${name}: expected one of ${choices.join(', ')}, found ${describeFound(String(raw))}`);
}

/**
 * `file` as a path the script will read, or a UsageError naming `name` (`DIR`, `SOURCE`, an
 * option) when nothing is there or it is a file where a folder is wanted: otherwise the first
 * read fails later with Node's ENOENT and its stack. `what` says what belongs there.
 */
export function existingPath(name: string, file: string, what: { folder: boolean; is: string }): string {
  let isFolder: boolean;
  try {
    isFolder = statSync(file).isDirectory();
  } catch {
    throw new UsageError(`${name}: expected ${what.is}, found nothing at ${describeFound(file)}`);
  }
  if (what.folder && !isFolder)
    throw new UsageError(`${name}: expected ${what.is}, found a file at ${describeFound(file)}`);
  return file;
}

/**
 * Reads the script's command line and checks it with `validate` (which throws UsageError for a
 * value it refuses), or prints why not and the usage and exits: 0 for `--help`, 2 otherwise.
 */
export function readCommandLine<T>(
  spec: CommandSpec,
  validate: (line: CommandLine) => T,
  argv: readonly string[] = process.argv.slice(2),
): T {
  try {
    const line = parseCommandLine(spec, argv);
    if (line === 'help') {
      process.stdout.write(usageText(spec));
      process.exit(0);
    }
    return validate(line);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${spec.name}: ${error.message}\n\n${usageText(spec)}`);
    process.exit(2);
  }
}
