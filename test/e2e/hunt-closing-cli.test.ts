// Recording an offer and closing an application from the terminal, spawned as a user runs it, on both backends: the
// offer moves the application to the offer stage and says so; a rejection takes its open follow-up off
// `prepdeck followups`, says so, and keeps it on the application; archiving and restoring it say the same.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ApplicationDetailJson,
  ApplicationPatchResultJson,
  FollowUpListJson,
  MoveResultJson,
  OfferPutResultJson,
} from '../../src/contract/hunt.js';
import { BACKENDS, type TestDatabase } from '../store/backends.js';
import { cliFor, type Cli } from './run-cli.js';

for (const backend of BACKENDS) {
  describe.skipIf(backend.skipReason !== null)(`offers and closed applications from the terminal (${backend.name})`, { timeout: 120_000 }, () => {
    let database: TestDatabase;
    let cli: Cli;
    beforeAll(async () => {
      database = await backend.createDatabase();
      cli = cliFor(database.location);
      expect((await cli.run(['apps', 'add', 'Acme', '--stage', 'technical'])).code).toBe(0);
      expect((await cli.run(['apps', 'add', 'Globex', '--stage', 'screening'])).code).toBe(0);
      expect((await cli.run(['apps', 'follow-up', 'acme', 'ask for feedback'])).code).toBe(0);
      expect((await cli.run(['apps', 'follow-up', 'globex', 'send the take-home'])).code).toBe(0);
    }, 60_000);
    afterAll(async () => {
      cli.dispose();
      await database.drop();
    });

    it('moves the application to the offer stage when an offer is recorded, and says so', async () => {
      const bad = await cli.run(['apps', 'offer', 'acme', '--base', '90000', '--currency', 'euro']);
      expect([bad.code, bad.stdout]).toEqual([2, '']);
      expect(bad.stderr.trim().split('\n')).toHaveLength(1);
      expect((await cli.json<ApplicationDetailJson>(['apps', 'show', 'acme'])).application.stage).toBe('technical');

      const text = await cli.run(['apps', 'offer', 'acme', '--base', '90000', '--currency', 'EUR']);
      expect(text.code).toBe(0);
      expect(text.stdout.split('\n')[0]).toBe('Acme: offer recorded; moved Technical → Offer');
      const replaced = await cli.json<OfferPutResultJson>(['apps', 'offer', 'acme', '--base', '95000', '--currency', 'EUR']);
      expect([replaced.application.stage, replaced.moved]).toEqual(['offer', null]);
      const again = await cli.run(['apps', 'offer', 'acme', '--base', '95000', '--currency', 'EUR']);
      expect(again.stdout.split('\n')[0]).toBe('Acme: offer changed');
      const shown = await cli.json<ApplicationDetailJson>(['apps', 'show', 'acme']);
      expect(shown.history.map((e) => [e.from, e.to, e.note])).toEqual([
        [null, 'technical', ''],
        ['technical', 'offer', 'offer recorded'],
      ]);
    });

    it("takes a rejected application's open follow-up off the due list, says so, and keeps it on the application", async () => {
      const moved = await cli.run(['apps', 'move', 'globex', 'rejected']);
      expect(moved.code).toBe(0);
      expect(moved.stdout.trim().split('\n')).toEqual([
        'Globex: Screening → Rejected',
        '1 open follow-up is no longer listed as due (kept on the application, open)',
      ]);

      const list = await cli.run(['followups']);
      expect(list.code).toBe(0);
      expect(list.stdout).toContain('ask for feedback');
      expect(list.stdout).not.toContain('send the take-home');
      expect(list.stdout).toContain('1 follow-up of closed applications not listed: --closed lists them');
      const json = await cli.json<FollowUpListJson>(['followups']);
      expect([json.followUps.map((f) => f.company), json.closedLeftOut]).toEqual([['Acme'], 1]);
      const all = await cli.run(['followups', '--closed']);
      expect(all.stdout).toMatch(/send the take-home {2}Globex {2}due today {2}\(closed application\)/u);

      const shown = await cli.run(['apps', 'show', 'globex']);
      expect(shown.stdout).toContain('follow-ups: (not listed as due: the application is closed)');
      expect(shown.stdout).toContain('[ ] ');

      const reopened = await cli.json<MoveResultJson>(['apps', 'move', 'globex', 'screening', '--note', 'they wrote back']);
      expect([reopened.followUpsNoLongerDue, reopened.followUpsDueAgain, reopened.followUpsDue]).toEqual([0, 1, true]);
      expect((await cli.json<FollowUpListJson>(['followups'])).followUps.map((f) => f.company)).toEqual(['Acme', 'Globex']);
    });

    it('says how many open follow-ups archiving takes off the due list, and restoring puts back', async () => {
      const archived = await cli.run(['apps', 'archive', 'acme']);
      expect(archived.code).toBe(0);
      expect(archived.stdout.trim().split('\n')).toEqual([
        'archived Acme',
        '1 open follow-up is no longer listed as due (kept on the application, open)',
      ]);
      expect((await cli.json<FollowUpListJson>(['followups'])).followUps.map((f) => f.company)).toEqual(['Globex']);
      const restored = await cli.run(['apps', 'restore', 'acme']);
      expect(restored.code).toBe(0);
      expect(restored.stdout.trim().split('\n')).toEqual(['restored Acme', '1 open follow-up is listed as due again']);
      expect((await cli.json<FollowUpListJson>(['followups'])).followUps.map((f) => f.company)).toEqual(['Acme', 'Globex']);

      // The same counts in the JSON, from the app's answer; a closed application's follow-ups were off the list already.
      const json = await cli.json<ApplicationPatchResultJson>(['apps', 'archive', 'acme']);
      expect([json.followUpsNoLongerDue, json.followUpsDueAgain, json.followUpsDue]).toEqual([1, 0, false]);
      expect((await cli.run(['apps', 'restore', 'acme'])).code).toBe(0);
      expect((await cli.run(['apps', 'move', 'acme', 'withdrawn'])).code).toBe(0);
      const closed = await cli.run(['apps', 'archive', 'acme']);
      expect(closed.stdout).toBe('archived Acme\n');
    });
  });
}
