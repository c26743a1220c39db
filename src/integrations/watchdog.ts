/**
 * A watchdog for a process whose main thread may be stuck: a worker thread waits out the time
 * limit and then stops the whole process with a message. A timer on the main thread would never
 * fire while a Markdown parser spins on a pathological input, which is exactly when it is
 * needed. Node only; imports nothing but Node built-ins so tests can run it directly.
 */
import { Worker } from 'node:worker_threads';

export interface Watchdog {
  /** Tells the watchdog what the process is doing now, for its message. */
  phase(description: string): void;
  /** Stops watching. */
  stop(): void;
}

export interface WatchdogOptions {
  /** How long the process may run, from now. */
  seconds: number;
  /** Written to stderr when the limit passes; `{phase}` is replaced by the last phase reported. */
  message: string;
  /** The first phase. */
  phase: string;
}

// CommonJS, because an `eval` worker runs its code as a script. After writing the message it asks
// the process to stop (SIGTERM); a main thread too busy to handle even that is killed.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { writeSync } = require('node:fs');
let phase = workerData.phase;
parentPort.on('message', (message) => { phase = message; });
setTimeout(() => {
  try { writeSync(2, '\\n' + workerData.message.replace('{phase}', phase) + '\\n'); } catch {}
  process.kill(process.pid, 'SIGTERM');
  setTimeout(() => process.kill(process.pid, 'SIGKILL'), 3000);
}, workerData.ms);
`;

export function startWatchdog({ seconds, message, phase }: WatchdogOptions): Watchdog {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { ms: Math.max(1, Math.round(seconds * 1000)), message, phase },
    stdout: false,
    stderr: false,
  });
  // The watchdog never keeps a finished process alive.
  worker.unref();
  return {
    phase: (description) => worker.postMessage(description),
    stop: () => void worker.terminate(),
  };
}
