import { describe, expect, it } from 'vitest';
import { plural } from '~/lib/format';

describe('plural', () => {
  it('counts one in the singular and every other number in the plural', () => {
    expect(plural(1, 'guide')).toBe('1 guide');
    expect(plural(0, 'file')).toBe('0 files');
    expect(plural(3, 'error')).toBe('3 errors');
  });

  it('takes the plural form when it is not the word with an s', () => {
    expect(plural(2, 'match', 'matches')).toBe('2 matches');
    expect(plural(1, 'match', 'matches')).toBe('1 match');
  });
});
