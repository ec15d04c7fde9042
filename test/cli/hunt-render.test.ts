// The hunt, the rounds and the plan as the terminal writes them: times on the hunt's clock, empty lists that say which
// filter found nothing, a target's line that does not repeat its lead.
import pc from 'picocolors';
import { describe, expect, it } from 'vitest';
import { applicationDetailText, applicationsText, noApplicationsText, offersTable } from '../../src/cli/hunt/render.js';
import { noRoundsText } from '../../src/cli/interviews/render.js';
import { targetLine } from '../../src/cli/plan/render.js';
import type { ApplicationDetailJson, StageJson } from '../../src/contract/hunt.js';
import type { PlanTargetJson } from '../../src/contract/plan.js';

const c = pc.createColors(false);

const STAGES: StageJson[] = [
  { key: 'wishlist', label: 'Wishlist', outcome: false, position: 0 },
  { key: 'applied', label: 'Applied', outcome: false, position: 1 },
  { key: 'technical', label: 'Technical', outcome: false, position: 2 },
  { key: 'rejected', label: 'Rejected', outcome: true, position: 3 },
];

/** Acme, added at 00:13 UTC on December 6 (03:13 in Moscow), moved on at 21:30 UTC that day (00:30 on the 7th there). */
const acme: ApplicationDetailJson = {
  application: {
    id: 3,
    company: 'Acme',
    role: '',
    link: '',
    location: '',
    remote: null,
    salary: null,
    source: '',
    foundOn: null,
    notes: '',
    tags: [],
    stage: 'applied',
    stageChangedAt: '2026-12-06T21:30:00.000Z',
    createdAt: '2026-12-06T00:13:00.000Z',
    updatedAt: '2026-12-06T21:30:00.000Z',
    archivedAt: '2026-12-07T08:00:00.000Z',
    fit: { score: null, unknown: 0, gates: { passed: 0, failed: 0, unknown: 0 }, failedGates: [] },
    nextFollowUp: null,
    hasOffer: false,
  },
  marks: [],
  history: [
    { id: 1, from: null, to: 'wishlist', at: '2026-12-06T00:13:00.000Z', note: '' },
    { id: 2, from: 'wishlist', to: 'applied', at: '2026-12-06T21:30:00.000Z', note: 'sent the CV' },
  ],
  contacts: [],
  followUps: [],
  followUpsDue: true,
  offer: null,
  notices: [],
};

describe('an application in the terminal', () => {
  it("writes its history, stage date and archiving on the hunt's clock, naming the zone over the history", () => {
    const lines = applicationDetailText(acme, STAGES, [], 'Europe/Moscow', c);
    expect(lines).toContain('  stage:      Applied since 2026-12-07');
    expect(lines).toContain('  archived:   2026-12-07 11:00');
    const history = lines.indexOf('  history (Europe/Moscow):');
    expect(lines.slice(history + 1, history + 3)).toEqual([
      '    2026-12-06 03:13  added at Wishlist',
      '    2026-12-07 00:30  Wishlist → Applied  sent the CV',
    ]);
    // In UTC the same instants read as stored.
    expect(applicationDetailText(acme, STAGES, [], 'UTC', c)).toContain('    2026-12-06 00:13  added at Wishlist');
  });

  it('flags an overdue follow-up on the board, and one of a closed or archived application as kept, not due', () => {
    const open = { ...acme.application, archivedAt: null, nextFollowUp: { id: 1, title: 'write to Dana', dueOn: '2026-12-05' } };
    expect(applicationsText([open], STAGES, c, '2026-12-06')[0]).toContain('follow up 2026-12-05 (1 day overdue)');
    expect(applicationsText([open], STAGES, c, '2026-12-05')[0]).toMatch(/follow up 2026-12-05$/);
    expect(applicationsText([{ ...open, stage: 'rejected' }], STAGES, c, '2026-12-06')[0]).toMatch(/follow-up 2026-12-05 kept, not due$/);
    expect(applicationsText([{ ...open, archivedAt: '2026-12-06T08:00:00.000Z' }], STAGES, c, '2026-12-06')[0]).toContain(
      'follow-up 2026-12-05 kept, not due',
    );
  });

  it('labels the fit and the remote policy once each in full', () => {
    const remote = { ...acme, application: { ...acme.application, location: 'Berlin', remote: 'remote' as const } };
    const lines = applicationDetailText(remote, STAGES, [], 'UTC', c);
    expect(lines).toContain('  fit:        –');
    expect(lines).toContain('  location:   Berlin');
    expect(lines).toContain('  remote:     remote');
    const scored = { ...remote, application: { ...remote.application, fit: { ...remote.application.fit, score: 0.75 } } };
    expect(applicationDetailText(scored, STAGES, [], 'UTC', c)).toContain('  fit:        75%');
  });

  it("writes every offer's amounts with their currency, and the application's remote policy when the offer has none", () => {
    const offer = {
      currency: 'EUR',
      period: 'year' as const,
      base: 140000,
      bonus: 10000,
      equity: { amount: 20000, vesting: '4 years' },
      signOn: 5000,
      perks: '',
      remote: null,
      startOn: null,
      deadlineOn: null,
      notes: '',
    };
    const table = offersTable(
      { criteria: [], offers: [{ application: { ...acme.application, remote: 'remote' }, offer, marks: [], yearlyBase: 140000 }] },
      c,
    );
    expect(table.find((l) => l.startsWith('bonus'))).toMatch(/10,000 EUR$/);
    expect(table.find((l) => l.startsWith('equity'))).toMatch(/20,000 EUR 4 years$/);
    expect(table.find((l) => l.startsWith('sign-on'))).toMatch(/5,000 EUR$/);
    expect(table.find((l) => l.startsWith('remote'))).toMatch(/remote \(posting\)$/);
  });

  it('says which filter found no application, and "yet" only when there is none at all', () => {
    const counts = { all: 3, archived: 1 };
    expect(noApplicationsText({ stage: 'Technical' }, counts, c)).toBe('no applications at Technical; `prepdeck apps` lists all 2');
    expect(noApplicationsText({ stage: 'Technical', tag: 'berlin', query: 'rust' }, counts, c)).toBe(
      "no applications at Technical, tagged berlin, matching 'rust'; `prepdeck apps` lists all 2",
    );
    expect(noApplicationsText({ tag: 'berlin', archived: true }, counts, c)).toBe(
      'no applications tagged berlin, archived ones included; `prepdeck apps --archived` lists all 3',
    );
    expect(noApplicationsText({}, { all: 2, archived: 2 }, c)).toBe(
      'no applications on the board; 2 archived: `prepdeck apps --archived` lists them',
    );
    expect(noApplicationsText({ stage: 'Technical' }, { all: 0, archived: 0 }, c)).toBe('no applications yet: prepdeck apps add COMPANY');
  });
});

describe('rounds in the terminal', () => {
  it('says which filter found no round, and "yet" only when there is none at all', () => {
    expect(noRoundsText({ upcoming: true }, 1, c)).toBe('no upcoming rounds; `prepdeck rounds` lists all 1');
    expect(noRoundsText({ kind: 'onsite', application: 'Acme — Backend' }, 4, c)).toBe(
      'no rounds of kind onsite for Acme — Backend; `prepdeck rounds` lists all 4',
    );
    expect(noRoundsText({ upcoming: true, kind: 'onsite' }, 0, c)).toBe(
      'no rounds yet; add one with `prepdeck rounds add APP --at 2026-12-20T15:00`',
    );
  });
});

describe('plan targets in the terminal', () => {
  const target: PlanTargetJson = {
    id: 2,
    label: 'Яндекс technical',
    at: '2026-12-20T12:00:00.000Z',
    date: '2026-12-20',
    weight: 3,
    roundId: 7,
    sections: [],
    topicIds: [],
    topics: 10,
    excluded: true,
  };

  it('marks one taken out of the plan, unless the line already leads with it', () => {
    expect(targetLine(target, c)).toBe('#2 Яндекс technical, 2026-12-20 (round #7, weight 3; the whole checklist) (taken out of the plan)');
    expect(targetLine(target, c, { withExcluded: false })).toBe('#2 Яндекс technical, 2026-12-20 (round #7, weight 3; the whole checklist)');
  });
});
