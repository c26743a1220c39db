import { describe, expect, it } from 'vitest';
import { formatSeconds, resolveTimeLimit, timeLimitMessage } from '~/integrations/build-clock/build-time-limit';

describe('the build time limit', () => {
  it('grows with the library by default', () => {
    expect(resolveTimeLimit({}, 0)).toEqual({ seconds: 300, reason: '5 min plus 0.25 s for each of 0 guides' });
    expect(resolveTimeLimit({}, 1000)).toEqual({
      seconds: 550,
      reason: '5 min plus 0.25 s for each of 1,000 guides',
    });
  });

  it('takes BUILD_TIME_LIMIT in seconds, and refuses anything but a positive number', () => {
    expect(resolveTimeLimit({ BUILD_TIME_LIMIT: '2.5' }, 1000)).toEqual({
      seconds: 2.5,
      reason: 'BUILD_TIME_LIMIT=2.5',
    });
    expect(() => resolveTimeLimit({ BUILD_TIME_LIMIT: 'ten' }, 1)).toThrow(
      'BUILD_TIME_LIMIT: expected a number of seconds greater than 0, found "ten"',
    );
    expect(() => resolveTimeLimit({ BUILD_TIME_LIMIT: '0' }, 1)).toThrow('found "0"');
  });

  it('says what happened, how long the limit was, and how to change it', () => {
    const message = timeLimitMessage({ seconds: 2862.5, reason: '5 min plus 0.25 s for each of 10,250 guides' });
    expect(message).toContain(
      'Build stopped: it was still running after 47 min 43 s, its time limit (5 min plus 0.25 s for each of 10,250 guides).',
    );
    expect(message).toContain('It was {phase}.');
    expect(message).toContain('set BUILD_TIME_LIMIT to a number of seconds');
    expect(formatSeconds(59.94)).toBe('59.9 s');
    expect(formatSeconds(120)).toBe('2 min');
  });
});
