/**
 * How long a build may run before it is stopped. A build that runs far past its expected time is
 * stuck (a parser spinning on a pathological guide, a hung child process), and a CI job or a
 * deploy hook should hear so in minutes, not hours. The default grows with the library: five
 * minutes plus 0.25 s a guide (9 min 10 s for 1,000 guides), several times what `npm run bench`
 * measures on a 2-core machine, so that a machine busy with other work does not trip it.
 * `BUILD_TIME_LIMIT` (seconds) overrides it. Pure.
 */
import { NOTHING_PUBLISHED } from '../../lib/build-refusal';

export const TIME_LIMIT_ENV = 'BUILD_TIME_LIMIT';
export const BASE_SECONDS = 300;
export const SECONDS_PER_GUIDE = 0.25;

export interface TimeLimit {
  seconds: number;
  /** Where the number comes from, for the message. */
  reason: string;
}

const count = (n: number) => new Intl.NumberFormat('en-GB').format(n);

/** `75` → `1 min 15 s`; `2.5` → `2.5 s`. */
export function formatSeconds(seconds: number): string {
  if (seconds < 60) return `${Number(seconds.toFixed(1))} s`;
  const minutes = Math.floor(seconds / 60);
  const rest = Math.round(seconds - minutes * 60);
  return rest ? `${minutes} min ${rest} s` : `${minutes} min`;
}

export function resolveTimeLimit(env: Record<string, string | undefined>, guideCount: number): TimeLimit {
  const raw = env[TIME_LIMIT_ENV];
  if (raw !== undefined && raw.trim() !== '') {
    const seconds = Number(raw);
    if (!Number.isFinite(seconds) || seconds <= 0) {
      throw new Error(`${TIME_LIMIT_ENV}: expected a number of seconds greater than 0, found "${raw}"`);
    }
    return { seconds, reason: `${TIME_LIMIT_ENV}=${raw}` };
  }
  return {
    seconds: BASE_SECONDS + SECONDS_PER_GUIDE * guideCount,
    reason: `${formatSeconds(BASE_SECONDS)} plus ${SECONDS_PER_GUIDE} s for each of ${count(guideCount)} guide${guideCount === 1 ? '' : 's'}`,
  };
}

/** What the build prints when it is stopped; `{phase}` is filled in by the watchdog. */
export function timeLimitMessage(limit: TimeLimit): string {
  return [
    `Build stopped: it was still running after ${formatSeconds(limit.seconds)}, its time limit (${limit.reason}).`,
    `It was {phase}. ${NOTHING_PUBLISHED}`,
    `A guide that makes the Markdown parser work far too hard is the usual cause; to allow more time, set ${TIME_LIMIT_ENV} to a number of seconds.`,
  ].join('\n');
}
