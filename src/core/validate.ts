// Checks of values a user types, shared by every interface so the messages are the same everywhere.
import { InvalidInputError } from './errors.js';
import { TOPIC_STATES, type TopicState } from './model.js';

export function parseState(value: string): TopicState {
  const state = value.trim().toLowerCase();
  if ((TOPIC_STATES as readonly string[]).includes(state)) return state as TopicState;
  throw new InvalidInputError(`unknown state '${value}'; use one of: ${TOPIC_STATES.join(', ')}`);
}

export function parseConfidence(value: string | number): number {
  const confidence = Number(value);
  if (!Number.isInteger(confidence) || confidence < 1 || confidence > 4) {
    throw new InvalidInputError(`confidence must be a whole number from 1 to 4, not '${value}'`);
  }
  return confidence;
}
