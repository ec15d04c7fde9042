// Stored hunt rows as the contract's payloads (contract/hunt.ts).
import type {
  ApplicationSummaryJson,
  ContactJson,
  CriterionJson,
  FollowUpJson,
  MarkJson,
  MarkValue,
  OfferJson,
  StageEventJson,
} from '../../contract/hunt.js';
import { fitOf, type FitCriterion } from '../../core/hunt/fit.js';
import type { ApplicationRow, MarkRow, NextFollowUp, StageEventRow } from '../../store/hunt/applications.js';
import type { ContactRow } from '../../store/hunt/contacts.js';
import type { CriterionRecord } from '../../store/hunt/criteria.js';
import type { FollowUpRow } from '../../store/hunt/follow-ups.js';
import type { OfferRow } from '../../store/hunt/offers.js';

export function criterionJson(criterion: CriterionRecord): CriterionJson {
  return {
    id: criterion.id,
    text: criterion.text,
    source: criterion.topicId === null ? 'own' : 'goal',
    checklist: criterion.checklist,
    topicId: criterion.topicId,
    kind: criterion.kind,
    weight: criterion.weight,
    position: criterion.position,
    archivedAt: criterion.archivedAt,
  };
}

export function fitCriteria(criteria: readonly CriterionRecord[]): FitCriterion[] {
  return criteria.map(({ id, kind, weight, archivedAt }) => ({ id, kind, weight, archived: archivedAt !== null }));
}

export function applicationSummaryJson(
  row: ApplicationRow,
  criteria: readonly FitCriterion[],
  marks: ReadonlyMap<number, MarkValue>,
  nextFollowUp: NextFollowUp | undefined,
  hasOffer: boolean,
): ApplicationSummaryJson {
  return {
    id: row.id,
    company: row.company,
    role: row.role,
    link: row.link,
    location: row.location,
    remote: row.remote,
    salary:
      row.salary_currency === null || row.salary_period === null
        ? null
        : { min: row.salary_min, max: row.salary_max, currency: row.salary_currency, period: row.salary_period },
    source: row.source,
    foundOn: row.found_on,
    notes: row.notes,
    tags: JSON.parse(row.tags) as string[],
    stage: row.stage,
    stageChangedAt: row.stage_changed_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    archivedAt: row.archived_at,
    fit: fitOf(criteria, marks),
    nextFollowUp: nextFollowUp ? { id: nextFollowUp.id, title: nextFollowUp.title, dueOn: nextFollowUp.dueOn } : null,
    hasOffer,
  };
}

/** One mark per criterion, archived ones included; unknown (never marked) where there is none. */
export function marksJson(criteria: readonly CriterionRecord[], rows: readonly MarkRow[]): MarkJson[] {
  const byCriterion = new Map(rows.map((row) => [row.criterion_id, row]));
  return criteria.map((criterion) => {
    const row = byCriterion.get(criterion.id);
    return row
      ? { criterionId: criterion.id, value: row.value, note: row.note, updatedAt: row.updated_at }
      : { criterionId: criterion.id, value: 'unknown', note: '', updatedAt: null };
  });
}

export function stageEventJson(row: StageEventRow): StageEventJson {
  return { id: row.id, from: row.from_stage, to: row.to_stage, at: row.at, note: row.note };
}

export function contactJson(row: ContactRow): ContactJson {
  return {
    id: row.id,
    applicationId: row.application_id,
    name: row.name,
    role: row.role,
    email: row.email,
    link: row.link,
    notes: row.notes,
    createdAt: row.created_at,
  };
}

export function followUpJson(row: FollowUpRow): FollowUpJson {
  return { id: row.id, applicationId: row.application_id, title: row.title, dueOn: row.due_on, doneAt: row.done_at, createdAt: row.created_at };
}

export function offerJson(row: OfferRow): OfferJson {
  return {
    currency: row.currency,
    period: row.period,
    base: row.base,
    bonus: row.bonus,
    equity: row.equity_amount === null ? null : { amount: row.equity_amount, vesting: row.equity_vesting ?? '' },
    signOn: row.sign_on,
    perks: row.perks,
    remote: row.remote,
    startOn: row.start_on,
    deadlineOn: row.deadline_on,
    notes: row.notes,
  };
}
