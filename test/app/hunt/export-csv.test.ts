// The applications' CSV, read back by a CSV parser on both backends: the same rows, whatever the text holds.
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeApp, openApp, type AppContext } from '../../../src/app/context.js';
import { addApplication, markApplication, moveApplication } from '../../../src/app/hunt/applications.js';
import { addCriterion } from '../../../src/app/hunt/criteria.js';
import { addFollowUp } from '../../../src/app/hunt/follow-ups.js';
import { applicationsCsv } from '../../../src/app/hunt/export-csv.js';
import { putOffer } from '../../../src/app/hunt/offers.js';
import { NotFoundError } from '../../../src/core/errors.js';
import { BACKENDS, type TestDatabase } from '../../store/backends.js';

const NOW = '2026-03-02T09:30:00.000Z';

const HEADER = [
  'id',
  'company',
  'role',
  'stage',
  'stage changed',
  'fit (%)',
  'failed gates',
  'unknown',
  'remote',
  'location',
  'salary min',
  'salary max',
  'salary currency',
  'salary period',
  'source',
  'found on',
  'tags',
  'link',
  'next follow-up',
  'offer base',
  'offer currency',
  'offer period',
  'deadline',
  'archived',
  'notes',
];

const readBack = (csv: string): string[][] => parse(csv, { bom: true });

for (const backend of BACKENDS) {
  describe.skipIf(backend.skipReason !== null)(`the applications as CSV (${backend.name})`, () => {
    let app: AppContext;
    let database: TestDatabase;
    beforeEach(async () => {
      database = await backend.createDatabase();
      app = await openApp(database.location, () => NOW);
    });
    afterEach(async () => {
      await closeApp(app);
      await database.drop();
    });

    it('reads back to the same rows: commas, quotes, line breaks and Cyrillic intact, in UTF-8 with a BOM', async () => {
      const gate = await addCriterion(app, { text: 'full remote, "really"', kind: 'gate' });
      const weighted = await addCriterion(app, { text: 'плюшки', kind: 'weighted', weight: 4 });
      const tricky = await addApplication(app, {
        company: 'Acme, "Rocket" Inc.',
        role: 'Backend\nengineer',
        stage: 'applied',
        remote: 'hybrid',
        location: 'Berlin; Germany',
        salary: { min: 90000, max: 120000.5, currency: 'EUR', period: 'year' },
        source: 'рекомендация',
        foundOn: '2026-02-27',
        notes: 'Говорил с Анной, "очень" интересно,\r\nсм. ссылку;\nещё одна строка',
        tags: ['python', 'берлин'],
        link: 'https://acme.example/jobs?id=1,2',
      });
      const id = tricky.application.id;
      await markApplication(app, id, gate.id, { value: 'no', note: '2 days in office' });
      await markApplication(app, id, weighted.id, { value: 'yes' });
      await moveApplication(app, id, { from: 'applied', to: 'screening', note: 'звонок' });
      await addFollowUp(app, id, { title: 'Написать', dueOn: '2026-03-05' });
      await putOffer(app, id, { currency: 'EUR', period: 'year', base: 100000, deadlineOn: '2026-03-20' });
      const plain = await addApplication(app, { company: 'Ценный Стартап' });

      const csv = await applicationsCsv(app, {});
      expect(csv.startsWith('\uFEFF')).toBe(true);
      const rows = readBack(csv);
      expect(rows[0]).toEqual(HEADER);
      const byId = new Map(rows.slice(1).map((row) => [row[0], row]));
      expect(rows).toHaveLength(3);
      expect(byId.get(String(id))).toEqual([
        String(id),
        'Acme, "Rocket" Inc.',
        'Backend\nengineer',
        'Offer',
        '2026-03-02',
        '100',
        'full remote, "really"',
        '0',
        'hybrid',
        'Berlin; Germany',
        '90000',
        '120000.5',
        'EUR',
        'year',
        'рекомендация',
        '2026-02-27',
        'python, берлин',
        'https://acme.example/jobs?id=1,2',
        '2026-03-05',
        '100000',
        'EUR',
        'year',
        '2026-03-20',
        '',
        'Говорил с Анной, "очень" интересно,\r\nсм. ссылку;\nещё одна строка',
      ]);
      const unmarked = byId.get(String(plain.application.id))!;
      expect(unmarked.slice(1, 8)).toEqual(['Ценный Стартап', '', 'Wishlist', '2026-03-02', '', '', '2']);
      expect(unmarked.slice(8).every((cell) => cell === '')).toBe(true);
    });

    it('prefixes a cell a spreadsheet would run as a formula, so opening the file runs nothing', async () => {
      await addApplication(app, { company: '=HYPERLINK("http://evil.example","click")', role: '+1 role', notes: '@SUM(A1)' });
      const [, row] = readBack(await applicationsCsv(app, {}));
      expect(row!.slice(1, 3)).toEqual(['\'=HYPERLINK("http://evil.example","click")', "'+1 role"]);
      expect(row!.at(-1)).toBe("'@SUM(A1)");
    });

    it('refuses to export nothing, saying what matched nothing', async () => {
      await expect(applicationsCsv(app, {})).rejects.toThrow(NotFoundError);
      await addApplication(app, { company: 'Acme', tags: ['python'] });
      await expect(applicationsCsv(app, { tag: 'go', stage: 'offer' })).rejects.toThrow("none matches stage 'offer', tag 'go'");
      expect(readBack(await applicationsCsv(app, { tag: 'python' }))).toHaveLength(2);
    });
  });
}
