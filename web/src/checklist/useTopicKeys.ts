// Keyboard for the checklist: j/k or arrows move between topics, 1-4 (n l x s) set the state of
// the focused one, / goes to search. Enter opens the topic because the focus sits on its link.
import { useEffect, type RefObject } from 'react';
import { STATE_KEYS, type TopicState } from '../lib/states.js';

const ROW = '[data-topic-id]';
const FOCUS_TARGET = '.topic-title';

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

function focusRow(rows: HTMLElement[], index: number): void {
  const row = rows[Math.max(0, Math.min(rows.length - 1, index))];
  const target = row?.querySelector<HTMLElement>(FOCUS_TARGET);
  target?.focus();
  target?.scrollIntoView({ block: 'nearest' });
}

export function useTopicKeys(searchRef: RefObject<HTMLInputElement | null>, setTopicState: (id: number, state: TopicState) => void): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented || isTyping(event.target)) return;
      if (event.key === '/') {
        event.preventDefault();
        searchRef.current?.focus();
        searchRef.current?.select();
        return;
      }
      const current = (event.target as HTMLElement | null)?.closest?.<HTMLElement>(ROW) ?? null;
      const down = event.key === 'j' || (current !== null && event.key === 'ArrowDown');
      const up = event.key === 'k' || (current !== null && event.key === 'ArrowUp');
      if (down || up) {
        const rows = [...document.querySelectorAll<HTMLElement>(ROW)];
        const index = current ? rows.indexOf(current) : -1;
        event.preventDefault();
        focusRow(rows, index === -1 ? 0 : index + (down ? 1 : -1));
        return;
      }
      const state = STATE_KEYS[event.key];
      if (state && current) {
        event.preventDefault();
        setTopicState(Number(current.dataset['topicId']), state);
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [searchRef, setTopicState]);
}
