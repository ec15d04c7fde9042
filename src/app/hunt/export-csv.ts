// The applications as CSV, for a spreadsheet: `prepdeck export --format csv` and GET /api/hunt/applications.csv.
import { stringify } from 'csv-stringify/sync';
import type { ApplicationListQuery, ApplicationSummaryJson, OfferJson } from '../../contract/hunt.js';
import { NotFoundError } from '../../core/errors.js';
import { studyDateOf } from '../../core/review/study-day.js';
import type { AppContext } from '../context.js';
import { applicationById, listApplications } from './applications.js';
import { getHunt } from './hunt.js';
import { compareOffers } from './offers.js';

const COLUMNS = [
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

type Cell = string | number;

/**
 * One row per application the query selects, in the list's order. UTF-8 with a BOM, so Excel and LibreOffice
 * open Cyrillic intact; cells a spreadsheet would run as a formula (`=`, `+`, `-`, `@`) are prefixed with `'`.
 * Nothing selected is an error, not an empty file.
 */
export async function applicationsCsv(ctx: AppContext, query: ApplicationListQuery): Promise<string> {
  const [{ applications }, hunt] = await Promise.all([listApplications(ctx, query), getHunt(ctx)]);
  if (applications.length === 0) throw new NotFoundError(`no applications to export${describeQuery(query)}`);
  const offers = await offersOf(ctx, applications);
  const stageLabels = new Map(hunt.stages.map((stage) => [stage.key, stage.label]));
  const criterionTexts = new Map(hunt.criteria.map((criterion) => [criterion.id, criterion.text]));
  // Instants become the user's local dates, as the dates they enter are.
  const localDate = (instant: string | null) => (instant === null ? '' : studyDateOf(instant, hunt.timeZone, 0));

  const rows = applications.map((application): Cell[] => {
    const { fit, salary } = application;
    const offer = offers.get(application.id);
    return [
      application.id,
      application.company,
      application.role,
      stageLabels.get(application.stage) ?? application.stage,
      localDate(application.stageChangedAt),
      fit.score === null ? '' : Math.round(fit.score * 100),
      fit.failedGates.map((id) => criterionTexts.get(id) ?? `#${id}`).join('; '),
      fit.unknown,
      application.remote ?? '',
      application.location,
      salary?.min ?? '',
      salary?.max ?? '',
      salary?.currency ?? '',
      salary?.period ?? '',
      application.source,
      application.foundOn ?? '',
      application.tags.join(', '),
      application.link,
      application.nextFollowUp?.dueOn ?? '',
      offer?.base ?? '',
      offer?.currency ?? '',
      offer?.period ?? '',
      offer?.deadlineOn ?? '',
      localDate(application.archivedAt),
      application.notes,
    ];
  });
  return stringify([COLUMNS, ...rows], { bom: true, escape_formulas: true, record_delimiter: 'windows' });
}

/** The offers of the applications that have one: the comparison holds them all, an archived one is read alone. */
async function offersOf(ctx: AppContext, applications: ApplicationSummaryJson[]): Promise<Map<number, OfferJson>> {
  const withOffer = applications.filter((application) => application.hasOffer);
  if (withOffer.length === 0) return new Map();
  const offers = new Map((await compareOffers(ctx)).offers.map(({ application, offer }) => [application.id, offer]));
  for (const application of withOffer) {
    if (offers.has(application.id)) continue;
    const { offer } = await applicationById(ctx, application.id);
    if (offer) offers.set(application.id, offer);
  }
  return offers;
}

function describeQuery(query: ApplicationListQuery): string {
  const filters = [
    query.stage === undefined ? null : `stage '${query.stage}'`,
    query.tag === undefined ? null : `tag '${query.tag}'`,
    query.q === undefined || query.q.trim() === '' ? null : `words '${query.q}'`,
  ].filter((filter) => filter !== null);
  const archived = query.archived === true ? '' : ' (archived ones are left out)';
  return filters.length > 0 ? `: none matches ${filters.join(', ')}${archived}` : `: the hunt has no applications${archived}`;
}
