// Naming a topic on the command line: an id, a fragment of its title, or section fragments then the title
// (`aws/s3/signed`); a title with slashes of its own (`set/dict/list comprehension`, `HTTP/2`) is read whole first.
import { describe, expect, it } from 'vitest';
import { importChecklist, checklistFromUpload } from '../../../src/app/import/import-checklist.js';
import { useChecklist } from '../../../src/app/checklists/current.js';
import { resolveTopic } from '../../../src/app/topics/topics.js';
import { AmbiguousError, NotFoundError } from '../../../src/core/errors.js';
import { BACKENDS } from '../../store/backends.js';
import { withApp } from '../../support/app.js';

const NOW = '2026-12-05T10:00:00.000Z';
const TEXT = [
  '# Python',
  '- set/dict/list comprehension',
  '- list/dicts/sets',
  '# Networking',
  '- HTTP/2',
  '- HTTP/3',
  '# AWS',
  '## S3',
  '- signed URLs',
  '## CloudFront',
  '- signed URLs',
  '',
].join('\n');

for (const backend of BACKENDS) {
  describe.skipIf(backend.skipReason !== null)(`naming a topic (${backend.name})`, () => {
    const withChecklist = (fn: Parameters<typeof withApp>[2]) =>
      withApp(backend, NOW, async (ctx, setNow) => {
        await importChecklist(ctx, { file: checklistFromUpload(TEXT, 'prep.md'), name: 'prep' });
        await fn(ctx, setNow);
      });

    it('reads a title with slashes whole, in any case', () =>
      withChecklist(async (ctx) => {
        expect((await resolveTopic(ctx, 'set/dict/list comprehension')).text).toBe('set/dict/list comprehension');
        expect((await resolveTopic(ctx, 'List/Dicts/Sets')).text).toBe('list/dicts/sets');
        expect((await resolveTopic(ctx, 'http/2')).text).toBe('HTTP/2');
        expect((await resolveTopic(ctx, 'set/dict')).text).toBe('set/dict/list comprehension');
      }));

    it('still reads section fragments before the title when no title holds the whole reference', () =>
      withChecklist(async (ctx) => {
        await expect(resolveTopic(ctx, 'signed')).rejects.toThrow(AmbiguousError);
        const inS3 = await resolveTopic(ctx, 'aws/s3/signed');
        expect(inS3.sectionKey).toBe('aws / s3');
        expect((await resolveTopic(ctx, 'cloudfront/signed urls')).sectionKey).toBe('aws / cloudfront');
      }));

    it('lists the candidates when a whole reference matches several titles', () =>
      withChecklist(async (ctx) => {
        const error = await resolveTopic(ctx, 'HTTP/').catch((e: unknown) => e);
        expect(error).toBeInstanceOf(AmbiguousError);
        expect((error as AmbiguousError).candidates.map((c) => c.label)).toEqual(['Networking / HTTP/2', 'Networking / HTTP/3']);
      }));

    it('never suggests the very reference it could not find', () =>
      withChecklist(async (ctx) => {
        const typo = await resolveTopic(ctx, 'set/dict/lst comprehension').catch((e: unknown) => e);
        expect(typo).toBeInstanceOf(NotFoundError);
        expect((typo as Error).message).toBe("no topic matches 'set/dict/lst comprehension'; did you mean 'set/dict/list comprehension'?");
      }));

    it('for topics of the same title, says which section before the title tells them apart, or that only an id does', () =>
      withChecklist(async (ctx) => {
        await importChecklist(ctx, { file: checklistFromUpload('# A\n## Other\n- twice\n- twice\n# B\n## Other\n- twice\n', 'two.md'), name: 'two' });
        const same = await resolveTopic(ctx, 'signed urls').catch((e: unknown) => e);
        expect((same as Error).message).toBe("2 topics are titled 'signed urls'; give an id, or a section before the title (`s3/signed urls`)");
        expect((await resolveTopic(ctx, 's3/signed urls')).sectionKey).toBe('aws / s3');
        // Partial matches still want more of the title.
        expect(((await resolveTopic(ctx, 'signed').catch((e: unknown) => e)) as Error).message).toMatch(/; give an id or more of the title$/);
        // Only the first `A > Other` has a section of its own to name; the two in it have none.
        expect(((await resolveTopic(ctx, 'twice', 'two').catch((e: unknown) => e)) as Error).message).toBe(
          "3 topics are titled 'twice'; give an id, or a section before the title (`b/twice`)",
        );
        expect(((await resolveTopic(ctx, 'a/twice', 'two').catch((e: unknown) => e)) as Error).message).toBe(
          "2 topics are titled 'a/twice'; give an id: their sections have the same titles too",
        );
      }));

    it('looked up in every checklist, suggests only titles of the checklist the commands work on', () =>
      withChecklist(async (ctx) => {
        await importChecklist(ctx, {
          file: checklistFromUpload('# Databases\n- optimistic locking with a version column\n', 'other.md'),
          name: 'other',
        });
        await useChecklist(ctx, 'prep');
        const elsewhere = await resolveTopic(ctx, 'optimstic locking').catch((e: unknown) => e);
        expect((elsewhere as Error).message).toBe("no topic matches 'optimstic locking'; try `prepdeck search --all optimstic locking`");
        const here = await resolveTopic(ctx, 'signd URLs').catch((e: unknown) => e);
        expect((here as Error).message).toBe("no topic matches 'signd URLs'; did you mean 'signed URLs'?");
        await useChecklist(ctx, 'other');
        const near = await resolveTopic(ctx, 'optimstic locking').catch((e: unknown) => e);
        expect((near as Error).message).toBe("no topic matches 'optimstic locking'; did you mean 'optimistic locking with a version column'?");
        // Found in any checklist all the same.
        await useChecklist(ctx, 'prep');
        expect((await resolveTopic(ctx, 'optimistic locking')).text).toBe('optimistic locking with a version column');
      }));

    it('finds a title typed without its Markdown punctuation when it is the only such match; a title that is the reference comes first', () =>
      withChecklist(async (ctx) => {
        const py = [
          '# Python',
          '- \\_\\_slots\\_\\_ and memory',
          '- slots and memory in C extensions',
          '- `__init__` vs `__new__`',
          '- snake_case names',
          '# Twice',
          '- weak_refs in CPython',
          '- weak_refs in PyPy',
          '',
        ].join('\n');
        await importChecklist(ctx, { file: checklistFromUpload(py, 'py.md'), name: 'py' });
        const text = async (ref: string) => (await resolveTopic(ctx, ref, 'py')).text;
        // The whole title without its underscores beats a title it is only part of.
        expect(await text('slots and memory')).toBe('__slots__ and memory');
        expect(await text('SLOTS and  memory')).toBe('__slots__ and memory');
        expect(await text('init vs new')).toBe('__init__ vs __new__');
        expect(await text('`__init__` vs')).toBe('__init__ vs __new__');
        expect(await text('snake case')).toBe('snake_case names');
        expect(await text('python/slots and memory')).toBe('__slots__ and memory');
        // Typed with its underscores, or as a part of one title only, as before.
        expect(await text('__slots__ and memory')).toBe('__slots__ and memory');
        expect(await text('memory in c')).toBe('slots and memory in C extensions');

        // A title that is the reference itself comes first.
        await importChecklist(ctx, { file: checklistFromUpload(`${py}- slots and memory\n`, 'py.md'), name: 'py' });
        expect(await text('slots and memory')).toBe('slots and memory');
        expect(await text('__slots__ and memory')).toBe('__slots__ and memory');

        // Several such titles are listed to pick from; a near one is suggested.
        const several = await resolveTopic(ctx, 'weak refs in', 'py').catch((e: unknown) => e);
        expect(several).toBeInstanceOf(AmbiguousError);
        expect((several as AmbiguousError).candidates.map((c) => c.label)).toEqual(['Twice / weak_refs in CPython', 'Twice / weak_refs in PyPy']);
        const typo = await resolveTopic(ctx, 'slots and memroy', 'py').catch((e: unknown) => e);
        expect(typo).toBeInstanceOf(NotFoundError);
        expect((typo as Error).message).toBe("no topic matches 'slots and memroy'; did you mean '__slots__ and memory'?");
      }));
  });
}
