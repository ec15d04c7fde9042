// The table view: every application in one sortable table, filtered by stage, tag, a minimum fit, failed
// must-haves and words. Sort and filters live in the URL.
import { useMemo } from 'react';
import type { ApplicationSummaryJson, HuntJson } from '../../../src/contract/hunt.js';
import { Link } from '../lib/router.js';
import { FitBadge } from './Fit.js';
import { dueText, formatDateTime, localDateOf, recentDate } from '../lib/dates.js';
import { REMOTE_LABEL, salaryText, stageIndex } from './format.js';
import { applicationHref, useHuntParams } from './url.js';

type SortKey = 'company' | 'role' | 'stage' | 'fit' | 'followUp' | 'updated';
/** `className` gives a column its least width (names, the follow-up) or keeps it on one line (stage, date). */
const COLUMNS: { key: SortKey; label: string; className: string }[] = [
  { key: 'company', label: 'Company', className: 'col-company' },
  { key: 'role', label: 'Role', className: 'col-role' },
  { key: 'stage', label: 'Stage', className: 'nowrap' },
  { key: 'fit', label: 'Fit', className: 'nowrap' },
  { key: 'followUp', label: 'Next follow-up', className: 'col-follow-up' },
  { key: 'updated', label: 'Updated', className: 'nowrap' },
];

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

export function ApplicationTable({ hunt, applications }: { hunt: HuntJson; applications: ApplicationSummaryJson[] }) {
  const [params, setParams] = useHuntParams();
  const sort = COLUMNS.find((c) => c.key === params.get('sort'))?.key ?? 'updated';
  const descending = params.get('dir') ? params.get('dir') === 'desc' : sort === 'updated' || sort === 'fit';
  const stage = params.get('stage') ?? '';
  const tag = params.get('tag') ?? '';
  const minFit = Number(params.get('fit') ?? 0) || 0;
  const gateFailed = params.get('gate') === 'failed';
  const q = params.get('q') ?? '';
  const tags = useMemo(() => [...new Set(applications.flatMap((a) => a.tags))].sort(collator.compare), [applications]);

  const rows = useMemo(() => {
    const words = q.toLowerCase().split(/\s+/).filter(Boolean);
    const shown = applications.filter(
      (a) =>
        (!stage || a.stage === stage) &&
        (!tag || a.tags.includes(tag)) &&
        (!minFit || (a.fit.score ?? 0) * 100 >= minFit) &&
        (!gateFailed || a.fit.failedGates.length > 0) &&
        words.every((w) => [a.company, a.role, a.location, a.source, ...a.tags].join(' ').toLowerCase().includes(w)),
    );
    const value = (a: ApplicationSummaryJson): string | number => {
      switch (sort) {
        case 'company':
          return a.company;
        case 'role':
          return a.role;
        case 'stage':
          return stageIndex(hunt.stages, a.stage);
        case 'fit':
          return a.fit.score ?? -1;
        case 'followUp':
          return a.nextFollowUp?.dueOn ?? '9999';
        case 'updated':
          return a.updatedAt;
      }
    };
    const compare = (x: ApplicationSummaryJson, y: ApplicationSummaryJson) => {
      const a = value(x);
      const b = value(y);
      const order = typeof a === 'number' && typeof b === 'number' ? a - b : collator.compare(String(a), String(b));
      return descending ? -order : order;
    };
    return shown.sort(compare);
  }, [applications, hunt.stages, stage, tag, minFit, gateFailed, q, sort, descending]);

  const sortBy = (key: SortKey) => setParams({ sort: key, dir: key === sort ? (descending ? 'asc' : 'desc') : null });
  const filtering = stage || tag || minFit || gateFailed || q;

  return (
    <div className="hunt-table-view">
      <div className="hunt-filters" role="group" aria-label="Filters">
        <label className="field hunt-filter-text">
          <span className="field-label">Search</span>
          <input type="search" value={q} placeholder="Company, role, location, tag…" onChange={(e) => setParams({ q: e.target.value })} />
        </label>
        <label className="field">
          <span className="field-label">Stage</span>
          <select value={stage} onChange={(e) => setParams({ stage: e.target.value })}>
            <option value="">Any stage</option>
            {hunt.stages.map((s) => (
              <option key={s.key} value={s.key}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field-label">Tag</span>
          <select value={tag} onChange={(e) => setParams({ tag: e.target.value })}>
            <option value="">Any tag</option>
            {tags.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field-label">Fit at least</span>
          <select value={String(minFit)} onChange={(e) => setParams({ fit: e.target.value === '0' ? null : e.target.value })}>
            {[0, 25, 50, 75, 90].map((v) => (
              <option key={v} value={v}>
                {v === 0 ? 'Any fit' : `${v}%`}
              </option>
            ))}
          </select>
        </label>
        <label className="check-field">
          <input type="checkbox" checked={gateFailed} onChange={(e) => setParams({ gate: e.target.checked ? 'failed' : null })} />
          Must-have not met
        </label>
        <label className="check-field">
          <input
            type="checkbox"
            checked={params.get('archived') === 'true'}
            onChange={(e) => setParams({ archived: e.target.checked ? 'true' : null })}
          />
          Archived too
        </label>
        {filtering && (
          <button type="button" className="button button-small" onClick={() => setParams({ q: null, stage: null, tag: null, fit: null, gate: null })}>
            Clear filters
          </button>
        )}
      </div>
      <p className="muted hunt-table-count" aria-live="polite">
        {rows.length === applications.length ? `${rows.length} applications` : `${rows.length} of ${applications.length} applications`}
      </p>
      <div className="table-scroll">
        <table className="hunt-table">
          <thead>
            <tr>
              {COLUMNS.map((c) => (
                <th
                  key={c.key}
                  className={c.className}
                  aria-sort={c.key === sort ? (descending ? 'descending' : 'ascending') : undefined}
                  scope="col"
                >
                  <button type="button" className="sort-button" onClick={() => sortBy(c.key)}>
                    {c.label}
                    <span className="sort-arrow" aria-hidden="true">
                      {c.key === sort ? (descending ? '↓' : '↑') : ''}
                    </span>
                  </button>
                </th>
              ))}
              <th scope="col">Remote · salary</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((a) => (
              <tr key={a.id} className={a.fit.failedGates.length > 0 ? 'row-failed' : undefined}>
                <th scope="row">
                  <Link to={applicationHref(a.id)}>{a.company}</Link>
                  {a.archivedAt && <span className="muted"> · archived</span>}
                </th>
                <td>{a.role}</td>
                <td>
                  <span className="stage-pill">{hunt.stages.find((s) => s.key === a.stage)?.label ?? a.stage}</span>
                </td>
                <td>
                  <FitBadge fit={a.fit} />
                </td>
                <td>
                  {a.nextFollowUp ? `${a.nextFollowUp.title} · ${dueText(a.nextFollowUp.dueOn, hunt.today)}` : <span className="muted">—</span>}
                </td>
                <td className="muted nowrap">
                  <time dateTime={a.updatedAt} title={formatDateTime(a.updatedAt, { zone: hunt.timeZone, today: hunt.today })}>
                    {recentDate(localDateOf(a.updatedAt, hunt.timeZone), { today: hunt.today })}
                  </time>
                </td>
                <td className="muted">{[a.remote ? REMOTE_LABEL[a.remote] : '', salaryText(a.salary)].filter(Boolean).join(' · ') || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {rows.length === 0 && <p className="muted hunt-table-empty">No application matches.</p>}
      </div>
    </div>
  );
}
