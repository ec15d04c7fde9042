// A mistyped section, wherever a user names one (a topic added, an interview question's new topic, a plan target, a
// section's own cost, a round), on both backends: refused naming the field, in one line that names the nearest
// section (its title, or its path when titles repeat), and nothing written.
import { describe, expect, it } from 'vitest';
import type { AppContext } from '../../src/app/context.js';
import { addApplication } from '../../src/app/hunt/applications.js';
import { checklistFromUpload, importChecklist } from '../../src/app/import/import-checklist.js';
import { addQuestion } from '../../src/app/interviews/questions.js';
import { createRound, listRounds } from '../../src/app/interviews/rounds.js';
import { showPlanSettings, updatePlanSettings } from '../../src/app/plan/settings.js';
import { addTarget, listTargets } from '../../src/app/plan/targets.js';
import { addTopic } from '../../src/app/topics/add-topic.js';
import { AmbiguousError, InvalidInputError } from '../../src/core/errors.js';
import { withApp } from '../support/app.js';
import { BACKENDS } from '../store/backends.js';

const FILE = [
  '# Python',
  '- generators',
  '## Core',
  '- slots',
  '# Databases',
  '- MVCC',
  '# Go',
  '## Notes',
  '- channels',
  '# Rust',
  '## Notes',
  '- borrowing',
  '',
].join('\n');
const NOW = '2026-12-05T09:00:00.000Z';

/** The error `promise` is refused with; it must be refused. */
async function refusal(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(Error);
  return error as Error;
}

for (const backend of BACKENDS) {
  describe.skipIf(backend.skipReason !== null)(`a mistyped section gets the nearest one (${backend.name})`, () => {
    const run = (fn: (ctx: AppContext) => Promise<void>) =>
      withApp(backend, NOW, async (ctx) => {
        await importChecklist(ctx, { file: checklistFromUpload(FILE, 'prep.md') });
        await fn(ctx);
      });

    it('adding a topic, or a question with a new topic, names the nearest section by title or by path', () =>
      run(async (ctx) => {
        const typo = await refusal(addTopic(ctx, { section: 'Pyton', title: 'asyncio' }));
        expect(typo).toBeInstanceOf(InvalidInputError);
        expect(typo.message).toBe("section: no section of 'prep' is named 'Pyton'; did you mean 'Python'?");
        // Two sections are titled Notes: the suggestion is a path, which names one of them.
        expect((await refusal(addTopic(ctx, { section: 'Ntoes', title: 'x' }))).message).toMatch(
          /^section: no section of 'prep' is named 'Ntoes'; did you mean '(Go|Rust) > Notes'\?$/,
        );
        expect((await refusal(addTopic(ctx, { section: 'pyton/core', title: 'x' }))).message).toBe(
          "section: no section of 'prep' is named 'pyton/core'; did you mean 'Python > Core'?",
        );
        // Nothing near: the line names the top-level sections instead, and where all of them are listed.
        expect((await refusal(addTopic(ctx, { section: 'Kubernetes', title: 'x' }))).message).toBe(
          "section: no section of 'prep' is named 'Kubernetes'; its top-level sections are Python, Databases, Go, Rust (`prepdeck list` shows them all)",
        );
        // A word sharing only a part with a title is not near it: `Nosection` is not `Functions` for their `ction`.
        expect((await refusal(addTopic(ctx, { section: 'Nosection', title: 'x' }))).message).toMatch(/; its top-level sections are /);
        // Several sections meant equally stay a choice to make, with the candidates.
        expect(await refusal(addTopic(ctx, { section: 'Notes', title: 'x' }))).toBeInstanceOf(AmbiguousError);

        const { application } = await addApplication(ctx, { company: 'Acme' });
        const { round } = await createRound(ctx, { applicationId: application.id, localStart: '2026-12-01T15:00', timeZone: 'UTC' });
        const question = await refusal(addQuestion(ctx, round.id, { text: 'What is the GIL?', newTopic: { section: 'Pyhton' } }));
        expect(question).toBeInstanceOf(InvalidInputError);
        expect(question.message).toBe("newTopic.section: no section of 'prep' is named 'Pyhton'; did you mean 'Python'?");
      }));

    it('a round, a plan target and a section’s cost name the nearest section, and write nothing', () =>
      run(async (ctx) => {
        const { application } = await addApplication(ctx, { company: 'Acme' });
        const round = await refusal(
          createRound(ctx, {
            applicationId: application.id,
            localStart: '2026-12-20T15:00',
            sections: [{ section: 'Python' }, { section: 'Databses' }],
          }),
        );
        expect(round).toBeInstanceOf(InvalidInputError);
        expect(round.message).toBe("sections: no section of 'prep' is named 'Databses'; did you mean 'Databases'?");
        expect((await listRounds(ctx, {})).rounds).toEqual([]);

        const target = await refusal(addTarget(ctx, 'prep', { date: '2026-12-20', sections: ['Pyton > Core'] }));
        expect(target).toBeInstanceOf(InvalidInputError);
        expect(target.message).toBe("sections: no section of 'prep' is named 'Pyton > Core'; did you mean 'Python > Core'?");
        expect(await listTargets(ctx, 'prep')).toEqual([]);

        const cost = await refusal(
          updatePlanSettings(ctx, 'prep', {
            sectionCosts: [
              { section: 'Python', learnTopicMinutes: 30 },
              { section: 'Databaes', learnTopicMinutes: 45 },
            ],
          }),
        );
        expect(cost).toBeInstanceOf(InvalidInputError);
        expect(cost.message).toBe("sectionCosts[1].section: no section of 'prep' is named 'Databaes'; did you mean 'Databases'?");
        expect((await showPlanSettings(ctx, 'prep')).costs.sections).toEqual([]);
      }));
  });
}
