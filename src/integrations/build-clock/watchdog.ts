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

// CommonJS, because an `eval` worker runs its code as a script. After writing the message it
// raises the flag and asks the process to stop (SIGTERM); the main thread then exits with code 1,
// like any refused build, and a main thread too busy to handle even that is killed.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { writeSync } = require('node:fs');
let phase = workerData.phase;
parentPort.on('message', (message) => { phase = message; });
setTimeout(() => {
  try { writeSync(2, '\\n' + workerData.message.replace('{phase}', phase) + '\\n'); } catch {}
  Atomics.store(new Int32Array(workerData.fired), 0, 1);
  process.kill(process.pid, 'SIGTERM');
  setTimeout(() => process.kill(process.pid, 'SIGKILL'), 3000);
}, workerData.ms);
`;

export function startWatchdog({ seconds, message, phase }: WatchdogOptions): Watchdog {
  const fired = new SharedArrayBuffer(4);
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { ms: Math.max(1, Math.round(seconds * 1000)), message, phase, fired },
    stdout: false,
    stderr: false,
  });
  // The watchdog never keeps a finished process alive.
  worker.unref();
  // Ended by the watchdog: a build stopped with a message, exit code 1 (death by a signal makes
  // npm print "signal SIGTERM" as if the tool had crashed). A SIGTERM from anyone else still
  // ends the process as it would without this listener.
  const onTerm = () => {
    if (Atomics.load(new Int32Array(fired), 0) === 1) process.exit(1);
    process.off('SIGTERM', onTerm);
    process.kill(process.pid, 'SIGTERM');
  };
  process.on('SIGTERM', onTerm);
  return {
    phase: (description) => worker.postMessage(description),
    stop: () => {
      process.off('SIGTERM', onTerm);
      void worker.terminate();
    },
  };
}
