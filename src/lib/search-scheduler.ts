/**
 * When to run a search as the reader types, with no timer: the first query starts at once, in the
 * same task as the keystroke. While one runs, later text waits, and only the newest: it starts
 * when the running one settles, so at most one runs and at most one waits. Each query gets a
 * sequence number, and an answer is shown only if its query is still the newest asked for and
 * still wanted (the box still holds its words), so a slow answer never replaces a newer one.
 * Pure: no DOM and no clock; runs in the browser (the search dialog and page) and in tests.
 */
export interface SearchSchedulerOptions<Q, A> {
  /** Runs one query: the search and whatever the answer needs before it can be shown. */
  run: (query: Q) => Promise<A>;
  /** Shows the answer of the newest query. */
  show: (answer: A, query: Q) => void;
  /** The newest query failed (its run rejected, or showing it threw). */
  fail: (error: unknown, query: Q) => void;
  /** Whether an answer for `query` is still wanted, checked as it arrives; by default, yes. */
  isWanted?: (query: Q) => boolean;
  /** A query now waits behind a running one: time to fetch what it will need. */
  onWait?: (query: Q) => void;
}

export class SearchScheduler<Q, A> {
  /** The sequence number of the newest query asked for (or of the last cancel). */
  private issued = 0;
  private running: Promise<void> | undefined;
  private waiting: { seq: number; query: Q } | undefined;

  constructor(private readonly options: SearchSchedulerOptions<Q, A>) {}

  /** Asks for `query`: run now if nothing runs, else wait in place of any query waiting. */
  request(query: Q): void {
    const seq = ++this.issued;
    if (this.running) {
      this.waiting = { seq, query };
      this.options.onWait?.(query);
    } else this.start(seq, query);
  }

  /** Nothing is wanted any more (the box was emptied): drop the waiting query and any answer. */
  cancel(): void {
    this.issued += 1;
    this.waiting = undefined;
  }

  /** A query is running. */
  get busy(): boolean {
    return this.running !== undefined;
  }

  /** Resolves once nothing runs and nothing waits. */
  async settled(): Promise<void> {
    while (this.running) await this.running;
  }

  private isCurrent(seq: number, query: Q): boolean {
    return seq === this.issued && (this.options.isWanted?.(query) ?? true);
  }

  private start(seq: number, query: Q): void {
    // A fail() that throws must not leave the queue stuck behind a query that never settles.
    this.running = this.runOne(seq, query)
      .catch(() => undefined)
      .then(() => {
        this.running = undefined;
        const next = this.waiting;
        this.waiting = undefined;
        if (next) this.start(next.seq, next.query);
      });
  }

  private async runOne(seq: number, query: Q): Promise<void> {
    let answer: A;
    try {
      answer = await this.options.run(query);
    } catch (error) {
      if (this.isCurrent(seq, query)) this.options.fail(error, query);
      return;
    }
    if (!this.isCurrent(seq, query)) return;
    try {
      this.options.show(answer, query);
    } catch (error) {
      this.options.fail(error, query);
    }
  }
}
