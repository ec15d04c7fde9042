// A topic's state: one button cycling new → learning → known (checklist rows), or a segmented
// control with every state (the topic page).
import { nextState, STATE_LABEL, STATES, type TopicState } from '../lib/states.js';

interface CycleProps {
  state: TopicState;
  topicText: string;
  onChange: (state: TopicState) => void;
}

export function StateCycleButton({ state, topicText, onChange }: CycleProps) {
  return (
    <button
      type="button"
      className={`state-button state-${state}`}
      aria-label={`${topicText}: ${STATE_LABEL[state]}. Set to ${STATE_LABEL[nextState(state)]}`}
      title={`${STATE_LABEL[state]} (click for ${STATE_LABEL[nextState(state)]})`}
      onClick={() => onChange(nextState(state))}
    >
      <span className="state-dot" data-state={state} aria-hidden="true" />
    </button>
  );
}

interface SegmentedProps {
  state: TopicState;
  onChange: (state: TopicState) => void;
}

export function StateSegmented({ state, onChange }: SegmentedProps) {
  return (
    <div className="segmented" role="group" aria-label="State">
      {STATES.map((s, i) => (
        <button
          key={s}
          type="button"
          className={`segment state-${s}`}
          aria-pressed={s === state}
          onClick={() => onChange(s)}
          title={`${STATE_LABEL[s]} (${i + 1})`}
        >
          <span className="state-dot" data-state={s} aria-hidden="true" />
          {STATE_LABEL[s]}
        </button>
      ))}
    </div>
  );
}
