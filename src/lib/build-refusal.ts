/**
 * The one line that ends a build which refused to go on (content errors, guides that could not be
 * rendered, a bad setting) or was stopped (the time limit). It says what happened and that the
 * last good output was not touched, in the same words every time, so that a refused build reads
 * as a verdict on the guides, not as the tool failing. Pure.
 */
export const NOTHING_PUBLISHED = 'Nothing was published: the previous output is as it was.';

/** The reason when an environment variable or flag has a value it does not take. */
export const BAD_SETTING = 'a setting is not valid';

/** `1 error`, `8 errors`. */
export function counted(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** `Build refused: 8 errors in 7 files. Nothing was published: …` */
export function refusalSummary(reason: string): string {
  return `Build refused: ${reason}. ${NOTHING_PUBLISHED}`;
}
