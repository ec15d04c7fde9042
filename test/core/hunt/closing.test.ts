import { describe, expect, it } from 'vitest';
import { DEFAULT_STAGES } from '../../../src/contract/vocabulary.js';
import { closingOf, dueListChange, followUpsListedAsDue, isClosedStage, stageOnOffer } from '../../../src/core/hunt/closing.js';
import { reorder, type Stage } from '../../../src/core/hunt/stages.js';

const stages: Stage[] = DEFAULT_STAGES.map((s) => ({ ...s }));
const reordered = (keys: string[]) => keys.map((key) => stages.find((s) => s.key === key) ?? { key, label: key, outcome: false });

describe('closed stages', () => {
  it('are the outcomes of the hunt, its own ones included', () => {
    expect(stages.filter((s) => isClosedStage(stages, s.key)).map((s) => s.key)).toEqual(['accepted', 'rejected', 'withdrawn', 'ghosted']);
    const own = [...stages, { key: 'declined-by-me', label: 'Declined by me', outcome: true }];
    expect(isClosedStage(own, 'declined-by-me')).toBe(true);
    expect(isClosedStage(own, 'technical')).toBe(false);
    expect(isClosedStage(own, 'no-such-stage')).toBe(false);
  });

  it('take the open follow-ups of their applications off the due lists, as archiving does', () => {
    expect(followUpsListedAsDue(stages, { stage: 'technical', archived: false })).toBe(true);
    expect(followUpsListedAsDue(stages, { stage: 'rejected', archived: false })).toBe(false);
    expect(followUpsListedAsDue(stages, { stage: 'ghosted', archived: false })).toBe(false);
    expect(followUpsListedAsDue(stages, { stage: 'technical', archived: true })).toBe(false);
  });
});

describe('what a move does to the due lists', () => {
  it('counts the open follow-ups a move to a closed stage takes off them', () => {
    expect(dueListChange(stages, { stage: 'technical', archived: false }, { stage: 'rejected', archived: false }, 2)).toEqual({
      noLongerDue: 2,
      dueAgain: 0,
    });
  });

  it('counts those a move back to an open stage puts back', () => {
    expect(dueListChange(stages, { stage: 'ghosted', archived: false }, { stage: 'screening', archived: false }, 1)).toEqual({
      noLongerDue: 0,
      dueAgain: 1,
    });
  });

  it('counts those archiving takes off them and restoring puts back, at an open stage only', () => {
    const open = { stage: 'technical', archived: false };
    expect(dueListChange(stages, open, { ...open, archived: true }, 2)).toEqual({ noLongerDue: 2, dueAgain: 0 });
    expect(dueListChange(stages, { ...open, archived: true }, open, 2)).toEqual({ noLongerDue: 0, dueAgain: 2 });
    expect(dueListChange(stages, { stage: 'rejected', archived: false }, { stage: 'rejected', archived: true }, 2)).toEqual({
      noLongerDue: 0,
      dueAgain: 0,
    });
  });

  it('changes nothing between two open stages, two closed ones, or for an archived application', () => {
    const none = { noLongerDue: 0, dueAgain: 0 };
    expect(dueListChange(stages, { stage: 'applied', archived: false }, { stage: 'onsite', archived: false }, 3)).toEqual(none);
    expect(dueListChange(stages, { stage: 'rejected', archived: false }, { stage: 'withdrawn', archived: false }, 3)).toEqual(none);
    expect(dueListChange(stages, { stage: 'technical', archived: true }, { stage: 'rejected', archived: true }, 3)).toEqual(none);
    expect(dueListChange(stages, { stage: 'technical', archived: false }, { stage: 'rejected', archived: false }, 0)).toEqual(none);
  });
});

describe('the stage an offer moves an application to', () => {
  it('is the offer stage for an open application before it', () => {
    for (const stage of ['wishlist', 'applied', 'screening', 'technical', 'onsite']) {
      expect(stageOnOffer(stages, { stage, hadOffer: false })).toBe('offer');
    }
  });

  it('is none at the offer stage or after it, and none for a closed application', () => {
    for (const stage of ['offer', 'accepted', 'rejected', 'withdrawn', 'ghosted']) {
      expect(stageOnOffer(stages, { stage, hadOffer: false })).toBeNull();
    }
  });

  it('is none when the offer replaces one recorded before: a move back from offer stays', () => {
    expect(stageOnOffer(stages, { stage: 'technical', hadOffer: true })).toBeNull();
  });

  it("follows the hunt's own order, not the default one", () => {
    const keys = stages.map((s) => s.key);
    // Onsite moved after Offer: an application at onsite has gone past the offer already.
    const onsiteLast = reordered(reorder(keys, 'onsite', keys.indexOf('offer')));
    expect(onsiteLast.map((s) => s.key).indexOf('onsite')).toBeGreaterThan(onsiteLast.map((s) => s.key).indexOf('offer'));
    expect(stageOnOffer(onsiteLast, { stage: 'onsite', hadOffer: false })).toBeNull();
    expect(stageOnOffer(onsiteLast, { stage: 'technical', hadOffer: false })).toBe('offer');
    // A stage of the hunt's own: before the offer it moves, after it (a negotiation) it stays.
    const own = reordered([...keys.slice(0, 5), 'take-home', 'offer', 'negotiation', ...keys.slice(6)]);
    expect(stageOnOffer(own, { stage: 'take-home', hadOffer: false })).toBe('offer');
    expect(stageOnOffer(own, { stage: 'negotiation', hadOffer: false })).toBeNull();
  });

  it('is none for a closed stage placed before the offer, and for a stage or an offer stage the list lacks', () => {
    const rejectedFirst = reordered(
      reorder(
        stages.map((s) => s.key),
        'rejected',
        0,
      ),
    );
    expect(stageOnOffer(rejectedFirst, { stage: 'rejected', hadOffer: false })).toBeNull();
    expect(stageOnOffer(stages, { stage: 'gone', hadOffer: false })).toBeNull();
    expect(
      stageOnOffer(
        stages.filter((s) => s.key !== 'offer'),
        { stage: 'applied', hadOffer: false },
      ),
    ).toBeNull();
  });
});

describe('when an application closed', () => {
  const at = (day: number) => `2026-03-${String(day).padStart(2, '0')}T12:00:00.000Z`;

  it('is the first change of the run of outcomes its history ends with', () => {
    const history = [
      { stage: 'applied', at: at(1) },
      { stage: 'withdrawn', at: at(5) },
      { stage: 'rejected', at: at(15) },
    ];
    expect(closingOf(stages, history)).toEqual({ stage: 'withdrawn', at: at(5) });
  });

  it('is none while it is open, and the new one when it closes again after reopening', () => {
    expect(closingOf(stages, [{ stage: 'applied', at: at(1) }])).toBeNull();
    expect(closingOf(stages, [])).toBeNull();
    const reopened = [
      { stage: 'applied', at: at(1) },
      { stage: 'ghosted', at: at(5) },
      { stage: 'screening', at: at(8) },
    ];
    expect(closingOf(stages, reopened)).toBeNull();
    expect(closingOf(stages, [...reopened, { stage: 'rejected', at: at(12) }])).toEqual({ stage: 'rejected', at: at(12) });
  });

  it("follows the hunt's own outcome stages", () => {
    const own = [...stages, { key: 'declined-by-me', label: 'Declined by me', outcome: true }];
    expect(
      closingOf(own, [
        { stage: 'offer', at: at(1) },
        { stage: 'declined-by-me', at: at(3) },
      ]),
    ).toEqual({ stage: 'declined-by-me', at: at(3) });
  });
});
