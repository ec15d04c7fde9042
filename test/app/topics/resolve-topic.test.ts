// Naming a topic on the command line: an id, a fragment of its title, or section fragments then the title
// (`aws/s3/signed`); a title with slashes of its own (`set/dict/list comprehension`, `HTTP/2`) is read whole first.
import { describe, expect, it } from 'vitest';
import { importChecklist, checklistFromUpload } from '../../../src/app/import/import-checklist.js';
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
  });
}
