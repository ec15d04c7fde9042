// known / (all − skipped) as a bar with its numbers; the same formula as the CLI's progress.
import type { Progress } from '../../../src/core/api.js';

interface Props {
  progress: Progress;
  label: string;
  size?: 'small' | 'large';
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
        aria-valuetext={`${progress.known} of ${counted} known (${percent}%)`}
      >
        <div className="progress-learning" style={{ width: `${counted ? ((progress.known + progress.learning) / counted) * 100 : 0}%` }} />
        <div className="progress-known" style={{ width: `${percent}%` }} />
      </div>
      <span className="progress-numbers">
        {progress.known}/{counted}
      </span>
    </div>
  );
}
