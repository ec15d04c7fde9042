// An application's fit at a glance: the score, how many criteria are still unknown, and a red flag when a
// must-have (a gate) is marked no.
import type { FitJson } from '../../../src/contract/hunt.js';
import { fitPercent, fitText } from './format.js';

export function FitBadge({ fit }: { fit: FitJson }) {
  const failed = fit.failedGates.length > 0;
  const level = fit.score === null ? 'none' : fit.score >= 0.75 ? 'high' : fit.score >= 0.5 ? 'mid' : 'low';
  return (
    <span className={`fit${failed ? ' fit-failed' : ''}`} title={fitText(fit)}>
      {failed && (
        <span className="gate-flag" role="img" aria-label="A must-have is not met">
          ⚑
        </span>
      )}
      <span className={`fit-score fit-${level}`} aria-hidden="true">
        {fitPercent(fit)}
      </span>
      {fit.unknown > 0 && (
        <span className="fit-unknown" aria-hidden="true">
          {fit.unknown}?
        </span>
      )}
      <span className="visually-hidden">{fitText(fit)}</span>
    </span>
  );
}
