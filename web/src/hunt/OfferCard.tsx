// The offer of an application: the terms as the company wrote them, recorded, changed or removed.
import { useState, type FormEvent } from 'react';
import type { OfferJson, OfferPutJson, RemotePolicy } from '../../../src/contract/hunt.js';
import { formatDate } from '../lib/dates.js';
import { money, PAY_PERIODS, PERIOD_LABEL, REMOTE_LABEL } from './format.js';
import { RemoteField } from './RemoteField.js';

interface Props {
  offer: OfferJson | null;
  today: string;
  onSave: (offer: OfferPutJson) => Promise<boolean>;
  onRemove: () => Promise<boolean>;
}

export function OfferCard({ offer, today, onSave, onRemove }: Props) {
  const [editing, setEditing] = useState(false);
  return (
    <section className="card offer-card" aria-labelledby="offer-heading">
      <div className="card-title-row">
        <h2 id="offer-heading">Offer</h2>
        {!editing && (
          <div className="actions">
            <button type="button" className="button button-small" onClick={() => setEditing(true)}>
              {offer ? 'Edit' : 'Record an offer'}
            </button>
            {offer && (
              <button type="button" className="button button-small button-danger" onClick={() => void onRemove()}>
                Remove
              </button>
            )}
          </div>
        )}
      </div>
      {editing ? (
        <OfferForm offer={offer} onCancel={() => setEditing(false)} onSave={async (o) => (await onSave(o)) && (setEditing(false), true)} />
      ) : offer ? (
        <dl className="offer-terms">
          <dt>Base</dt>
          <dd>
            {money(offer.base, offer.currency)} {PERIOD_LABEL[offer.period]}
          </dd>
          {offer.bonus !== null && (
            <>
              <dt>Bonus</dt>
              <dd>{money(offer.bonus, offer.currency)}</dd>
            </>
          )}
          {offer.equity && (
            <>
              <dt>Equity</dt>
              <dd>
                {money(offer.equity.amount, offer.currency)} {offer.equity.vesting && `· ${offer.equity.vesting}`}
              </dd>
            </>
          )}
          {offer.signOn !== null && (
            <>
              <dt>Sign-on</dt>
              <dd>{money(offer.signOn, offer.currency)}</dd>
            </>
          )}
          {offer.perks && (
            <>
              <dt>Perks</dt>
              <dd>{offer.perks}</dd>
            </>
          )}
          {offer.remote && (
            <>
              <dt>Remote</dt>
              <dd>{REMOTE_LABEL[offer.remote]}</dd>
            </>
          )}
          {offer.startOn && (
            <>
              <dt>Start</dt>
              <dd>{formatDate(offer.startOn, { today })}</dd>
            </>
          )}
          {offer.deadlineOn && (
            <>
              <dt>Decide by</dt>
              <dd className={offer.deadlineOn <= today ? 'due-late' : undefined}>{formatDate(offer.deadlineOn, { today })}</dd>
            </>
          )}
          {offer.notes && (
            <>
              <dt>Notes</dt>
              <dd>{offer.notes}</dd>
            </>
          )}
        </dl>
      ) : (
        <p className="muted">No offer recorded.</p>
      )}
    </section>
  );
}

const amountText = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));

function OfferForm({
  offer,
  onSave,
  onCancel,
}: {
  offer: OfferJson | null;
  onSave: (offer: OfferPutJson) => Promise<boolean>;
  onCancel: () => void;
}) {
  const [v, setV] = useState({
    currency: offer?.currency ?? 'EUR',
    period: offer?.period ?? 'year',
    base: amountText(offer?.base),
    bonus: amountText(offer?.bonus),
    equity: amountText(offer?.equity?.amount),
    vesting: offer?.equity?.vesting ?? '',
    signOn: amountText(offer?.signOn),
    perks: offer?.perks ?? '',
    remote: offer?.remote ?? '',
    startOn: offer?.startOn ?? '',
    deadlineOn: offer?.deadlineOn ?? '',
    notes: offer?.notes ?? '',
  });
  const [problem, setProblem] = useState<string | null>(null);
  const set = (key: keyof typeof v) => (e: { target: { value: string } }) => setV({ ...v, [key]: e.target.value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const amount = (text: string, name: string): number | null => {
      if (!text.trim()) return null;
      const n = Number(text.replace(/[\s,_]/g, ''));
      if (!Number.isFinite(n) || n < 0) throw new Error(`The ${name} is not an amount: ${text}`);
      return n;
    };
    try {
      const base = amount(v.base, 'base');
      if (base === null) throw new Error('The base is required.');
      const currency = v.currency.trim().toUpperCase();
      if (!/^[A-Z]{3}$/.test(currency)) throw new Error('The currency is a three-letter code, like EUR or USD.');
      const equity = amount(v.equity, 'equity');
      setProblem(null);
      void onSave({
        currency,
        period: v.period,
        base,
        bonus: amount(v.bonus, 'bonus'),
        equity: equity === null ? null : { amount: equity, vesting: v.vesting.trim() },
        signOn: amount(v.signOn, 'sign-on'),
        perks: v.perks.trim(),
        remote: (v.remote || null) as RemotePolicy | null,
        startOn: v.startOn || null,
        deadlineOn: v.deadlineOn || null,
        notes: v.notes,
      });
    } catch (e) {
      setProblem((e as Error).message);
    }
  };
  return (
    <form className="offer-form" onSubmit={submit} aria-label="Offer">
      <div className="details-grid">
        <label className="field">
          <span className="field-label">Base</span>
          <input inputMode="numeric" value={v.base} onChange={set('base')} required />
        </label>
        <label className="field field-narrow">
          <span className="field-label">Currency</span>
          <input className="currency-input" maxLength={3} value={v.currency} onChange={set('currency')} required />
        </label>
        <label className="field field-narrow">
          <span className="field-label">Per</span>
          <select value={v.period} onChange={set('period')}>
            {PAY_PERIODS.map((p) => (
              <option key={p} value={p}>
                {PERIOD_LABEL[p]}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field-label">Bonus (yearly)</span>
          <input inputMode="numeric" value={v.bonus} onChange={set('bonus')} />
        </label>
        <label className="field">
          <span className="field-label">Sign-on</span>
          <input inputMode="numeric" value={v.signOn} onChange={set('signOn')} />
        </label>
        <label className="field">
          <span className="field-label">Equity</span>
          <input inputMode="numeric" value={v.equity} onChange={set('equity')} />
        </label>
        <label className="field">
          <span className="field-label">Vesting</span>
          <input value={v.vesting} onChange={set('vesting')} placeholder="4 years, 1-year cliff" maxLength={200} />
        </label>
        <RemoteField value={v.remote} onChange={set('remote')} emptyLabel="Not said" />
        <label className="field">
          <span className="field-label">Start</span>
          <input type="date" value={v.startOn} onChange={set('startOn')} />
        </label>
        <label className="field">
          <span className="field-label">Decide by</span>
          <input type="date" value={v.deadlineOn} onChange={set('deadlineOn')} />
        </label>
        <label className="field field-wide">
          <span className="field-label">Perks</span>
          <input value={v.perks} onChange={set('perks')} maxLength={2000} />
        </label>
        <label className="field field-wide">
          <span className="field-label">Notes</span>
          <input value={v.notes} onChange={set('notes')} maxLength={20000} />
        </label>
      </div>
      {problem && (
        <p className="error-line" role="alert">
          {problem}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button button-primary">
          Save the offer
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
