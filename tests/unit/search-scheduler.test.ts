/**
 * The search scheduler with hand-resolved promises in place of Pagefind: no timers anywhere, so
 * each test says exactly when a search answers.
 */
import { describe, expect, it } from 'vitest';
import { SearchScheduler } from '~/lib/search-scheduler';

/** A search whose answers the test releases one by one. */
function harness(isWanted?: (q: string) => boolean) {
  const pending = new Map<string, { resolve: (a: string) => void; reject: (e: unknown) => void }>();
  const started: string[] = [];
  const shown: string[] = [];
  const failed: string[] = [];
  const waited: string[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const scheduler = new SearchScheduler<string, string>({
    run: (q) => {
      started.push(q);
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      return new Promise<string>((resolve, reject) => pending.set(q, { resolve, reject })).finally(() => {
        inFlight -= 1;
      });
    },
    show: (answer) => shown.push(answer),
    fail: (error, q) => failed.push(`${q}: ${String(error)}`),
    onWait: (q) => waited.push(q),
    ...(isWanted ? { isWanted } : {}),
  });
  /** Answers the search for `q` and lets every follow-up step run. */
  const answer = async (q: string) => {
    const entry = pending.get(q);
    if (!entry) throw new Error(`no search for "${q}" is running`);
    entry.resolve(`results for ${q}`);
    await flush();
  };
  const reject = async (q: string, error: unknown) => {
    pending.get(q)?.reject(error);
    await flush();
  };
  return { scheduler, started, shown, failed, waited, answer, reject, maxInFlight: () => maxInFlight };
}

/** Lets every promise callback already queued run (a few rounds of microtasks). */
async function flush(): Promise<void> {
  for (let i = 0; i < 10; i += 1) await Promise.resolve();
}

describe('SearchScheduler', () => {
  it('starts the first query within the call that asks for it, with no timer', () => {
    const h = harness();
    h.scheduler.request('c');
    // Synchronously: no await, no timer between the keystroke and the search.
    expect(h.started).toEqual(['c']);
    expect(h.scheduler.busy).toBe(true);
  });

  it('shows an answer as soon as it arrives when nothing newer was asked for', async () => {
    const h = harness();
    h.scheduler.request('carbon');
    await h.answer('carbon');
    expect(h.shown).toEqual(['results for carbon']);
    expect(h.scheduler.busy).toBe(false);
    // Idle again: the next query starts at once too.
    h.scheduler.request('cooling');
    expect(h.started).toEqual(['carbon', 'cooling']);
  });

  it('runs one query at a time; the newest waiting text replaces older waiting text', async () => {
    const h = harness();
    h.scheduler.request('c');
    h.scheduler.request('ca');
    h.scheduler.request('car');
    h.scheduler.request('carb');
    expect(h.started).toEqual(['c']);
    expect(h.waited).toEqual(['ca', 'car', 'carb']);
    await h.answer('c');
    // "c" is stale (newer text was typed): dropped; only the newest waiting text runs.
    expect(h.shown).toEqual([]);
    expect(h.started).toEqual(['c', 'carb']);
    await h.answer('carb');
    expect(h.shown).toEqual(['results for carb']);
    expect(h.maxInFlight()).toBe(1);
    await h.scheduler.settled();
    expect(h.scheduler.busy).toBe(false);
  });

  it('drops a stale answer that arrives after a newer one was asked for', async () => {
    const h = harness();
    h.scheduler.request('fog');
    h.scheduler.request('tide');
    await h.answer('fog');
    await h.answer('tide');
    expect(h.shown).toEqual(['results for tide']);
  });

  it('drops an answer the box no longer wants, and everything after a cancel', async () => {
    let box = 'fog';
    const h = harness((q) => q === box);
    h.scheduler.request('fog');
    box = 'fo';
    await h.answer('fog');
    expect(h.shown).toEqual([]);

    h.scheduler.request('tide');
    h.scheduler.request('tides');
    // The reader empties the box: the running answer and the waiting text are both dropped.
    h.scheduler.cancel();
    box = '';
    await h.answer('tide');
    expect(h.started).toEqual(['fog', 'tide']);
    expect(h.shown).toEqual([]);
    expect(h.scheduler.busy).toBe(false);
  });

  it('reports a failure of the newest query and carries on; a stale failure is silent', async () => {
    const h = harness();
    h.scheduler.request('fog');
    await h.reject('fog', new Error('offline'));
    expect(h.failed).toEqual(['fog: Error: offline']);

    h.scheduler.request('tide');
    h.scheduler.request('turbine');
    await h.reject('tide', new Error('chunk 404'));
    expect(h.failed).toEqual(['fog: Error: offline']);
    expect(h.started).toEqual(['fog', 'tide', 'turbine']);
    await h.answer('turbine');
    expect(h.shown).toEqual(['results for turbine']);
  });

  it('a run that throws at once, or a show that throws, is reported and does not stall the queue', async () => {
    const shown: string[] = [];
    const failed: string[] = [];
    const scheduler = new SearchScheduler<string, string>({
      run: (q) => {
        if (q === 'bad') throw new Error('bad query');
        return Promise.resolve(q);
      },
      show: (answer) => {
        if (answer === 'unshowable') throw new Error('cannot show');
        shown.push(answer);
      },
      fail: (error) => {
        failed.push(String(error));
        if (failed.length === 2) throw new Error('failing to fail');
      },
    });
    scheduler.request('bad');
    await scheduler.settled();
    scheduler.request('unshowable');
    await scheduler.settled();
    scheduler.request('good');
    await scheduler.settled();
    expect(failed).toEqual(['Error: bad query', 'Error: cannot show']);
    expect(shown).toEqual(['good']);
  });
});
