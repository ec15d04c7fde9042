import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../src/core/errors.js';
import { parseTopicIds } from '../../src/core/validate.js';

describe('parseTopicIds', () => {
  it('reads ids written comma-separated, once each, in order', () => {
    expect(parseTopicIds('12,40,41')).toEqual([12, 40, 41]);
    expect(parseTopicIds(' 7 , 7,3')).toEqual([7, 3]);
  });

  it('refuses anything else in a line naming topics', () => {
    for (const text of ['', 'a', '1,,2', '0', '-3', '1.5', '2147483648', Array.from({ length: 201 }, (_, i) => i + 1).join(',')]) {
      expect(() => parseTopicIds(text), text).toThrow(InvalidInputError);
      expect(() => parseTopicIds(text), text).toThrow(/^topics: /);
    }
  });
});
