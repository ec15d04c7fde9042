// An application's fit at a glance: the score, how many criteria are still unknown, and a red flag when a
// must-have (a gate) is marked no.
import type { FitJson } from '../../../src/contract/hunt.js';
import { fitPercent, fitText } from './format.js';

export function FitBadge({ fit }: { fit: FitJson }) {
  const failed = fit.failedGates.length > 0;
  const level = fit.score === null ? 'none' : fit.score >= 0.75 ? 'high' : fit.score >= 0.5 ? 'mid' : 'low';
  return (
    <span className={`fit${failed ? ' fit-failed' : ''}`} title={fitText(fit)}>
      {/* A failed must-have rules the application out whatever the score: it says so instead of a percentage
          that would read as a good fit. */}
      {failed ? (
        <span className="fit-score" aria-hidden="true">
          <span className="gate-flag">⚑</span> {fit.failedGates.length === 1 ? 'must-have not met' : `${fit.failedGates.length} must-haves not met`}
        </span>
      ) : (
        <span className={`fit-score fit-${level}`} aria-hidden="true">
          {fitPercent(fit)}
        </span>
      )}
      {fit.unknown > 0 && (
        <span className="fit-unknown" aria-hidden="true">
          {fit.unknown} unknown
        </span>
      )}
      <span className="visually-hidden">{fitText(fit)}</span>
    </span>
  );
}
