// A reference link in a title (`- Learn [Docker][d] basics`, `[d]: https://...` at the end of the file) is shown away
// from its file: in the review, on the Topic page, on a card, in an export. The import writes it as an inline link, so
// that each of them shows `Docker` linked, as `list` shows the text, instead of `[Docker][d]`.
import { describe, expect, it } from 'vitest';
import { parseChecklist } from '../../../src/core/import/parse-checklist.js';

const parse = (text: string, topics?: 'tasks') => parseChecklist(text, { fallbackTitle: 'untitled', topics });
const titles = (text: string) => parse(text).entries.map((e) => [e.title, e.text]);

describe('reference links in titles', () => {
  it('are written inline: full, collapsed and shortcut references, with a title, in angle brackets where needed', () => {
    const file = [
      '# Tools',
      '',
      '- Learn [Docker][d] basics',
      '- Read [the guide] now',
      '- [Kubernetes][] in `k8s`',
      '- See [the spec][s] and [b][d]',
      '',
      '[d]: https://docs.docker.com',
      '[the guide]: https://example.com/guide "The Guide"',
      '[kubernetes]: https://kubernetes.io',
      '[s]: <https://example.com/a b>',
      '',
    ].join('\n');
    expect(titles(file)).toEqual([
      ['Learn [Docker](https://docs.docker.com) basics', 'Learn Docker basics'],
      ['Read [the guide](https://example.com/guide "The Guide") now', 'Read the guide now'],
      ['[Kubernetes](https://kubernetes.io) in `k8s`', 'Kubernetes in k8s'],
      ['See [the spec](<https://example.com/a b>) and [b](https://docs.docker.com)', 'See the spec and b'],
    ]);
    // Each title read alone, with no definition after it, is the topic it was in the file.
    for (const entry of parse(file).entries) {
      const alone = parse(`- ${entry.title}\n`).entries[0]!;
      expect([alone.title, alone.text, alone.resources.map((r) => r.url)]).toEqual([entry.title, entry.text, entry.resources.map((r) => r.url)]);
    }
  });

  it('leaves text in brackets, code spans and inline links as they are written', () => {
    const file = '- Inline [a](https://a.example) and [not a link] and `[x][d]`\n- [undefined][nope] label\n\n[d]: https://docs.docker.com\n';
    expect(titles(file)).toEqual([
      ['Inline [a](https://a.example) and [not a link] and `[x][d]`', 'Inline a and [not a link] and [x][d]'],
      ['[undefined][nope] label', '[undefined][nope] label'],
    ]);
  });

  it('in a detail bullet of a task too, and a badge by reference goes as an inline one does', () => {
    const file =
      '- [ ] Docker\n  - read [the docs][d]\n- [ ] [![badge][img]][d] Compose\n\n[d]: https://docs.docker.com\n[img]: https://img.shields.io/x.svg\n';
    const parsed = parse(file, 'tasks');
    expect(parsed.entries.map((e) => [e.title, e.details])).toEqual([
      ['Docker', '- read [the docs](https://docs.docker.com)'],
      ['Compose', ''],
    ]);
  });
});
