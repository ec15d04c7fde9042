// Offers side by side: a column per offer, a row per term, then the fit and each criterion's mark, failed
// must-haves in red, so the offers compare with each other and against what the user wants.
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { MarkJson, OfferComparisonJson } from '../../../src/contract/hunt.js';
import { ErrorLine } from '../components/ErrorLine.js';
import { errorMessage } from '../lib/api.js';
import { Link } from '../lib/router.js';
import { offersQuery } from '../queries/hunt.js';
import { FitBadge } from './Fit.js';
import { formatDate } from '../lib/dates.js';
import { money, PERIOD_LABEL, REMOTE_LABEL } from './format.js';
import { applicationHref } from './url.js';

type Offer = OfferComparisonJson['offers'][number];

export function OffersTable({ today }: { today: string }) {
  const offers = useQuery(offersQuery());
  if (offers.error && !offers.data) return <ErrorLine>{errorMessage(offers.error)}</ErrorLine>;
  const data = offers.data;
  if (!data) return <div className="card skeleton-card" style={{ height: 320 }} aria-busy="true" aria-label="Loading the offers" />;
  if (data.offers.length === 0) {
    return (
      <section className="card">
        <h2>Offers</h2>
        <p className="muted">No offer yet. Record one on its application's page (Offer), and they line up here side by side.</p>
      </section>
    );
  }
  const rows: { label: string; cell: (o: Offer) => ReactNode }[] = [
    // One row for the base: per year, so offers paid by the month or hour compare, with the figure as offered beside it
    // when it was not a yearly one.
    {
      label: 'Base per year',
      cell: ({ offer, yearlyBase }) => (
        <>
          <strong>{money(yearlyBase, offer.currency)}</strong>
          {offer.period !== 'year' && (
            <span className="muted mark-note">
              {' '}
              ({money(offer.base, offer.currency)} {PERIOD_LABEL[offer.period]})
            </span>
          )}
        </>
      ),
    },
    { label: 'Bonus', cell: ({ offer }) => money(offer.bonus, offer.currency) },
    {
      label: 'Equity',
      cell: ({ offer }) =>
        offer.equity ? `${money(offer.equity.amount, offer.currency)}${offer.equity.vesting ? ` · ${offer.equity.vesting}` : ''}` : '—',
    },
    { label: 'Sign-on', cell: ({ offer }) => money(offer.signOn, offer.currency) },
    { label: 'Perks', cell: ({ offer }) => offer.perks || '—' },
    {
      label: 'Remote',
      cell: ({ offer, application }) => {
        const r = offer.remote ?? application.remote;
        return r ? REMOTE_LABEL[r] : '—';
      },
    },
    { label: 'Start', cell: ({ offer }) => formatDate(offer.startOn, { today }) },
    {
      label: 'Decide by',
      cell: ({ offer }) => (
        <span className={offer.deadlineOn && offer.deadlineOn <= today ? 'due-late' : undefined}>{formatDate(offer.deadlineOn, { today })}</span>
      ),
    },
    { label: 'Fit', cell: ({ application }) => <FitBadge fit={application.fit} /> },
  ];
  return (
    <section className="card offers-card" aria-labelledby="offers-heading">
      <h2 id="offers-heading">Offers side by side</h2>
      <div className="table-scroll">
        <table className="offers-table">
          <thead>
            <tr>
              <td />
              {data.offers.map(({ application }) => (
                <th key={application.id} scope="col">
                  <Link to={applicationHref(application.id)}>{application.company}</Link>
                  {application.role && <span className="muted offers-role">{application.role}</span>}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.label}>
                <th scope="row">{row.label}</th>
                {data.offers.map((o) => (
                  <td key={o.application.id}>{row.cell(o)}</td>
                ))}
              </tr>
            ))}
            {data.criteria.map((c) => (
              <tr key={`c${c.id}`} className="offers-criterion">
                <th scope="row">
                  {c.text}
                  <span className="muted criterion-kind">{c.kind === 'gate' ? ' · must-have' : ` · ×${c.weight}`}</span>
                </th>
                {data.offers.map((o) => (
                  <td key={o.application.id}>
                    <MarkCell mark={o.marks.find((m) => m.criterionId === c.id)} gate={c.kind === 'gate'} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** The marks in one way of writing: a sign and a word each, a failed must-have saying so after it. */
const OFFER_MARK: Record<MarkJson['value'], string> = { yes: '✓ Yes', no: '✗ No', unknown: '? Not known' };

function MarkCell({ mark, gate }: { mark: MarkJson | undefined; gate: boolean }) {
  const value = mark?.value ?? 'unknown';
  const failed = gate && value === 'no';
  return (
    <span className={`mark mark-${value}${failed ? ' mark-failed' : ''}`} title={mark?.note || undefined}>
      {OFFER_MARK[value]}
      {failed && ' · must-have not met'}
      {mark?.note && <span className="muted mark-note"> · {mark.note}</span>}
    </span>
  );
}
