// A topic's Markdown title as the plain text the Round, Gaps and Plan pages show inside their links: escapes keep
// their character (the checklist's `\_\_call\_\_` is `__call__`, not emphasis), code spans keep their text as written.
import { describe, expect, it } from 'vitest';
import { plainTitle } from '../../web/src/interviews/format.js';

describe('plainTitle', () => {
  it('keeps escaped characters, never reading them as emphasis', () => {
    expect(plainTitle(String.raw`class with \_\_call\_\_ method`)).toBe('class with __call__ method');
    expect(plainTitle(String.raw`\_\_slots\_\_ and memory`)).toBe('__slots__ and memory');
    expect(plainTitle(String.raw`\*star\* args`)).toBe('*star* args');
    expect(plainTitle(String.raw`a \\ b, 1\. item, \[not a link\](x)`)).toBe(String.raw`a \ b, 1. item, [not a link](x)`);
  });

  it('drops emphasis marks, nested ones too', () => {
    expect(plainTitle('**bold** and *it* and _it_ and __bold__ and ~~gone~~')).toBe('bold and it and it and bold and gone');
    expect(plainTitle('***both*** and **a _b_ c**')).toBe('both and a b c');
    expect(plainTitle(String.raw`*a\*b*`)).toBe('a*b');
  });

  it('leaves underscores inside words alone', () => {
    expect(plainTitle('snake_case_name and __init__.py')).toBe('snake_case_name and init.py');
    expect(plainTitle('my_var_ is fine')).toBe('my_var_ is fine');
  });

  it('keeps a code span as written, backslashes and marks included', () => {
    expect(plainTitle('the `__call__` method')).toBe('the __call__ method');
    expect(plainTitle(String.raw`path \`C:\dir\` here`)).toBe('path `C:\\dir` here');
    expect(plainTitle('`` a`b `` and `*x*`')).toBe('a`b and *x*');
    expect(plainTitle('an `unclosed tick')).toBe('an `unclosed tick');
  });

  it('keeps the text of links and autolinks', () => {
    expect(plainTitle('SQL to GraphQL ([hasura.io](https://hasura.io))')).toBe('SQL to GraphQL (hasura.io)');
    expect(plainTitle('see <https://example.com/a_b_c>')).toBe('see https://example.com/a_b_c');
    expect(plainTitle('[**bold** link](https://x.io) \\_x\\_')).toBe('bold link _x_');
  });
});
