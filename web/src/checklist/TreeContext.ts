// What every row of the checklist tree needs from the page, without passing it down each level.
import { createContext, useContext } from 'react';
import type { Visibility } from '../lib/tree.js';
import type { TopicState } from '../lib/states.js';

export interface TreeContextValue {
  checklist: string;
  /** null when nothing is filtered: everything shows. */
  visibility: Visibility | null;
  /** The search's words, folded: what the rows highlight. */
  words: readonly string[];
  isCollapsed: (sectionId: number) => boolean;
  toggleSection: (sectionId: number) => void;
  setTopicState: (topicId: number, state: TopicState) => void;
}

export const TreeContext = createContext<TreeContextValue | null>(null);

export function useTree(): TreeContextValue {
  const value = useContext(TreeContext);
  if (!value) throw new Error('useTree outside a TreeContext');
  return value;
}
