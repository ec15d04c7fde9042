import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../src/core/errors.js';
import { parseState, parseTopicIds, stateOf, unknownState } from '../../src/core/validate.js';

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

describe('parseState', () => {
  it('reads the four states in any case, and done for known, as a ticked box', () => {
    expect(['new', ' Learning ', 'KNOWN', 'skipped', 'done', 'Done'].map(parseState)).toEqual([
      'new',
      'learning',
      'known',
      'skipped',
      'known',
      'known',
    ]);
    expect(stateOf('mastered')).toBeNull();
  });

  it('refuses any other word in the one wording the CLI and the API share, naming the nearest word when given', () => {
    expect(() => parseState('mastered')).toThrow(
      new InvalidInputError("unknown state 'mastered' (one of new, learning, known, skipped, or done for known)"),
    );
    expect(unknownState('knwon', 'known')).toBe(
      "unknown state 'knwon': did you mean 'known'? (one of new, learning, known, skipped, or done for known)",
    );
  });
});
