// known / (all − skipped) as a bar with its numbers; the same formula as the CLI's progress.
// Skipped topics leave the total, so "5/188" of 189 topics says why on hover, and in words when large.
import type { Progress } from '../../../src/contract/common.js';
import { plural } from '../lib/plural.js';

interface Props {
  progress: Progress;
  label: string;
  size?: 'small' | 'large';
}

/** The numbers in a sentence, for the tooltip. */
function progressExplained(progress: Progress): string {
  const counted = progress.total - progress.skipped;
  const known = `${progress.known} known of ${counted}`;
  if (progress.skipped === 0) return `${known} ${counted === 1 ? 'topic' : 'topics'}`;
  return `${known}: ${plural(progress.total, 'topic')} minus ${progress.skipped} skipped (known / (all − skipped))`;
}

export function ProgressBar({ progress, label, size = 'small' }: Props) {
  const counted = progress.total - progress.skipped;
  const percent = Math.round(progress.ratio * 100);
  return (
    <div className={`progress progress-${size}`}>
      <div
        className="progress-track"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={counted}
        aria-valuenow={progress.known}
        aria-valuetext={`${progress.known} of ${counted} known (${percent}%)${progress.skipped ? `, ${progress.skipped} skipped` : ''}`}
      >
        <div className="progress-learning" style={{ width: `${counted ? ((progress.known + progress.learning) / counted) * 100 : 0}%` }} />
        <div className="progress-known" style={{ width: `${percent}%` }} />
      </div>
      {size === 'large' ? (
        <span className="progress-numbers" title={progressExplained(progress)}>
          {progress.known} of {counted} known
          {progress.skipped > 0 && <span className="progress-skipped"> ({progress.skipped} skipped)</span>}
        </span>
      ) : (
        <span className="progress-numbers" title={progressExplained(progress)}>
          {progress.known}/{counted}
        </span>
      )}
    </div>
  );
}
