/**
 * Runs one build command and measures it from outside: wall time, CPU time and the largest
 * resident set of one process (from /usr/bin/time, written to a file, when it is installed),
 * and the peak resident memory of the whole process tree (sampled from /proc). Node only.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { sampleTreeRss } from './process-memory';

const TIME = '/usr/bin/time';

export interface MeasuredProcess {
  exitCode: number;
  wallMs: number;
  /** User + system CPU time of the process and its children (from /usr/bin/time), when available. */
  cpuMs: number | undefined;
  /** Largest resident set of the whole process tree, sampled every 100 ms. */
  peakTreeRssMB: number;
  /** Largest resident set of one process, as the kernel counted it (from /usr/bin/time). */
  maxProcessRssMB: number | undefined;
  /** Everything the process wrote to stdout and stderr. */
  output: string;
}

export interface MeasureOptions {
  /** Arguments for `node`: the script and its arguments. */
  nodeArgs: readonly string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Where /usr/bin/time writes its figures. */
  timeFile: string;
}

export async function measureNodeProcess({ nodeArgs, cwd, env, timeFile }: MeasureOptions): Promise<MeasuredProcess> {
  const hasTime = existsSync(TIME);
  const [command, args] = hasTime
    ? [TIME, ['-f', '%M %U %S', '-o', timeFile, process.execPath, ...nodeArgs]]
    : [process.execPath, [...nodeArgs]];
  const started = performance.now();
  const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const sampler = sampleTreeRss(child.pid ?? 0, 100);
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exitCode = await new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? 1));
  });
  const wallMs = performance.now() - started;
  const peakTreeRss = sampler.stop();

  let cpuMs: number | undefined;
  let maxProcessRssMB: number | undefined;
  if (hasTime && existsSync(timeFile)) {
    const last = (await readFile(timeFile, 'utf8')).trim().split('\n').pop() ?? '';
    const [kb, user, sys] = last.split(/\s+/).map(Number);
    if (kb !== undefined && Number.isFinite(kb)) maxProcessRssMB = Math.round(kb / 1024);
    if (user !== undefined && sys !== undefined && Number.isFinite(user + sys)) cpuMs = Math.round((user + sys) * 1000);
  }
  return {
    exitCode,
    wallMs: Math.round(wallMs),
    cpuMs,
    peakTreeRssMB: Math.round(peakTreeRss / 1024 / 1024),
    maxProcessRssMB,
    output,
  };
}
