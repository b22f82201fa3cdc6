import { describe, expect, it } from 'vitest';
import { parseOffsetInput } from '../../../lib/time/offset-input';

describe('parseOffsetInput', () => {
  it.each([
    ['12:34', 754_000],
    ['1:02:03', 3_723_000],
    ['5', 300_000],
    ['-0:30', -30_000],
    [' 0:05 ', 5_000],
    ['12:75', null],
    ['abc', null],
    ['', null],
    ['1:2:99', null],
  ])('%s', (input, ms) => expect(parseOffsetInput(input)).toBe(ms));
});
