/**
 * A watchdog for a process whose main thread may be stuck: a worker thread waits out the time
 * limit and then stops the whole process with a message. A timer on the main thread would never
 * fire while a Markdown parser spins on a pathological input, which is exactly when it is
 * needed. Node only; imports nothing but Node built-ins so tests can run it directly.
 */
import { writeSync } from 'node:fs';
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

// CommonJS, because an `eval` worker runs its code as a script. When the limit passes it raises
// the flag and asks the process to stop (SIGTERM); the main thread then writes the message and
// exits with code 1, like any refused build, so the message is the last thing the build prints
// (written from here, it could land before lines the main thread was still writing). A main
// thread too busy to handle even that gets the message from here and is killed.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { writeSync } = require('node:fs');
let phase = workerData.phase;
parentPort.on('message', (message) => { phase = message; });
setTimeout(() => {
  Atomics.store(new Int32Array(workerData.fired), 0, 1);
  process.kill(process.pid, 'SIGTERM');
  setTimeout(() => {
    try { writeSync(2, '\\n' + workerData.message.replace('{phase}', phase) + '\\n'); } catch {}
    process.kill(process.pid, 'SIGKILL');
  }, 3000);
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
  let current = phase;
  const onTerm = () => {
    if (Atomics.load(new Int32Array(fired), 0) === 1) {
      try {
        writeSync(2, `\n${message.replace('{phase}', current)}\n`);
      } finally {
        process.exit(1);
      }
    }
    process.off('SIGTERM', onTerm);
    process.kill(process.pid, 'SIGTERM');
  };
  process.on('SIGTERM', onTerm);
  return {
    phase: (description) => {
      current = description;
      worker.postMessage(description);
    },
    stop: () => {
      process.off('SIGTERM', onTerm);
      void worker.terminate();
    },
  };
}
