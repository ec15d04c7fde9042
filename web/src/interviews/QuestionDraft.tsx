// The fast question log of a debrief, keyboard first: type the question; the topics it is likely about appear as
// you type (the server's ranked suggestions, the round's sections first); ↓/↑ move through them and Enter picks
// one (several may be); 1-4 scores it (Again, Hard, Good, Easy, the review scale); Enter saves and leaves the
// box empty for the next question. When no topic fits, the last choice adds the question as a new topic under a
// section of the checklist.
import { useQuery } from '@tanstack/react-query';
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import type { QuestionCreateJson, SuggestionJson } from '../../../src/contract/interviews.js';
import { ErrorLine } from '../components/ErrorLine.js';
import { MarkdownView } from '../components/MarkdownView.js';
import { storiesQuery, suggestionsQuery } from '../queries/interviews.js';
import { SCORE_LABEL, SCORES, type Score } from './format.js';
import type { SectionChoice } from './sections.js';
import { useDebounced } from './useDebounced.js';

interface Props {
  roundId: number;
  /** Where a new topic may go, and the one offered first. */
  sections: SectionChoice[];
  defaultSection: string | null;
  onSave: (question: QuestionCreateJson) => Promise<boolean>;
  error: string | null;
}

type Picked = Pick<SuggestionJson, 'topicId' | 'title' | 'section' | 'checklist'>;

const SUGGEST_DELAY_MS = 150;

export function QuestionDraft({ roundId, sections, defaultSection, onSave, error }: Props) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [picked, setPicked] = useState<Picked[]>([]);
  const [score, setScore] = useState<Score | null>(null);
  // The option under the highlight, by what it is (a topic's id, or the new topic): the list may change under it
  // as suggestions arrive, and the highlight must not slide onto another topic.
  const [activeKey, setActiveKey] = useState<number | 'new' | null>(null);
  const [asNewTopic, setAsNewTopic] = useState(false);
  const [section, setSection] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  // A behavioural question is answered with a story of the bank, the way a technical one touches topics.
  const [storyIds, setStoryIds] = useState<number[]>([]);
  const bank = useQuery(storiesQuery());
  const stories = (bank.data?.stories ?? []).filter((s) => s.archivedAt === null);
  const query = useDebounced(text.trim(), SUGGEST_DELAY_MS);
  const suggestions = useQuery(suggestionsQuery(roundId, query));
  const list = query === '' ? [] : (suggestions.data?.suggestions ?? []);
  const chosenSection = section ?? defaultSection ?? sections[0]?.ref ?? null;
  const sectionChoice = sections.find((s) => s.ref === chosenSection) ?? null;
  // The suggestions, then "no topic fits": one list for ↑/↓.
  const optionCount = list.length + (sectionChoice ? 1 : 0);
  const newTopicIndex = sectionChoice ? list.length : -1;
  const keyAt = (index: number): number | 'new' | null => (index === newTopicIndex ? 'new' : (list[index]?.topicId ?? null));
  const active = activeKey === 'new' ? newTopicIndex : list.findIndex((s) => s.topicId === activeKey);
  const setActive = (index: number) => setActiveKey(index < 0 ? null : keyAt(index));

  const toggle = (suggestion: SuggestionJson) =>
    setPicked((current) =>
      current.some((p) => p.topicId === suggestion.topicId) ? current.filter((p) => p.topicId !== suggestion.topicId) : [...current, suggestion],
    );

  const choose = (index: number) => {
    if (index === newTopicIndex) setAsNewTopic((on) => !on);
    else if (list[index]) toggle(list[index]);
  };

  const save = async () => {
    const question = text.trim();
    if (!question || saving) return;
    const body: QuestionCreateJson = { text: question, topicIds: picked.map((p) => p.topicId), score };
    if (storyIds.length > 0) body.storyIds = storyIds;
    // Typed in a form, the title means its characters: `__slots__` stays, not a bold "slots".
    if (asNewTopic && sectionChoice) body.newTopic = { checklist: sectionChoice.checklist, section: sectionChoice.ref, asTyped: true };
    setSaving(true);
    const ok = await onSave(body);
    setSaving(false);
    if (!ok) return;
    setText('');
    setPicked([]);
    setScore(null);
    setActive(-1);
    setAsNewTopic(false);
    setStoryIds([]);
    input.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' && optionCount > 0) {
      event.preventDefault();
      setActive(Math.min(active + 1, optionCount - 1));
    } else if (event.key === 'ArrowUp' && active >= 0) {
      event.preventDefault();
      setActive(active - 1);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (active >= 0) choose(active);
      else void save();
    } else if (event.key === 'Escape' && active >= 0) {
      event.preventDefault();
      setActive(-1);
    } else if (/^[1-4]$/.test(event.key) && (active >= 0 || event.altKey) && !event.ctrlKey && !event.metaKey) {
      // In the list (or with Alt), a digit is the score, not text; the list closes so that Enter saves.
      event.preventDefault();
      setScore(Number(event.key) as Score);
      setActive(-1);
    }
  };

  const listId = `${id}-suggestions`;
  const optionId = (index: number) => `${id}-option-${index}`;
  return (
    <div className="question-draft" role="group" aria-label="Log a question">
      <label className="field question-text">
        <span className="field-label">Question asked</span>
        <input
          ref={input}
          role="combobox"
          aria-expanded={optionCount > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={active >= 0 ? optionId(active) : undefined}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setActive(-1);
          }}
          onKeyDown={onKeyDown}
          // Back in the box after a trip to the section list or the buttons, Enter saves.
          onBlur={() => setActiveKey(null)}
          placeholder="How does SELECT FOR UPDATE differ from SKIP LOCKED?"
          maxLength={20_000}
          autoComplete="off"
        />
      </label>
      {picked.length > 0 && (
        <div className="chips" aria-label="Topics picked">
          {picked.map((p) => (
            <span key={p.topicId} className="chip chip-topic">
              <MarkdownView inline source={p.title} />
              <button type="button" className="chip-remove" aria-label={`Unpick ${p.title}`} onClick={() => setPicked(picked.filter((o) => o !== p))}>
                ×
              </button>
            </span>
          ))}
        </div>
      )}
      <ul
        id={listId}
        role="listbox"
        // The list shown is a previous question's while this one's is on its way.
        aria-busy={query !== text.trim() || suggestions.isPlaceholderData || suggestions.isFetching}
        aria-multiselectable="true"
        aria-label="Suggested topics"
        className="suggestions"
        hidden={optionCount === 0 || text.trim() === ''}
      >
        {list.map((s, i) => {
          const isPicked = picked.some((p) => p.topicId === s.topicId);
          return (
            <li
              key={s.topicId}
              id={optionId(i)}
              role="option"
              aria-selected={isPicked}
              className={`suggestion${i === active ? ' suggestion-active' : ''}`}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => toggle(s)}
            >
              <span className="suggestion-check" aria-hidden="true">
                {isPicked ? '✓' : ''}
              </span>
              <MarkdownView inline source={s.title} className="suggestion-title" />
              <span className="suggestion-section muted">{s.section.join(' / ')}</span>
            </li>
          );
        })}
        {sectionChoice && (
          <li
            id={optionId(newTopicIndex)}
            role="option"
            aria-selected={asNewTopic}
            className={`suggestion suggestion-new${newTopicIndex === active ? ' suggestion-active' : ''}`}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => setAsNewTopic(!asNewTopic)}
          >
            <span className="suggestion-check" aria-hidden="true">
              {asNewTopic ? '✓' : '+'}
            </span>
            <span className="suggestion-title">No topic fits: add as a new topic under {sectionChoice.label}</span>
          </li>
        )}
      </ul>
      <div className="question-draft-controls">
        <div className="segmented score-segmented" role="group" aria-label="Self-score">
          {SCORES.map((s) => (
            <button
              key={s}
              type="button"
              className={`segment score-${s}`}
              aria-pressed={score === s}
              onClick={() => setScore(score === s ? null : s)}
            >
              {s} <span className="segment-hint">{SCORE_LABEL[s]}</span>
            </button>
          ))}
        </div>
        {asNewTopic && sections.length > 0 && (
          <label className="field field-narrow new-topic-section">
            <span className="field-label">Section for a new topic</span>
            <select
              value={chosenSection ?? ''}
              onChange={(e) => {
                setSection(e.target.value);
                // A section chosen, the new topic is settled: back in the box, Enter saves.
                setActiveKey(null);
              }}
            >
              {sections.map((s) => (
                <option key={`${s.checklist}\n${s.ref}`} value={s.ref}>
                  {'\u00a0'.repeat((s.depth - 1) * 2)}
                  {s.label}
                </option>
              ))}
            </select>
          </label>
        )}
        <button type="button" className="button button-primary" onClick={() => void save()} disabled={!text.trim() || saving}>
          Save question
        </button>
      </div>
      {stories.length > 0 && (
        <div className="chips question-stories-pick">
          {storyIds.map((id) => (
            <span key={id} className="chip">
              {stories.find((story) => story.id === id)?.title ?? `story ${id}`}
              <button
                type="button"
                className="chip-remove"
                aria-label="Unlink the story"
                onClick={() => setStoryIds(storyIds.filter((other) => other !== id))}
              >
                ×
              </button>
            </span>
          ))}
          <select
            aria-label="Answered with a story"
            value=""
            onChange={(e) => {
              const id = Number(e.target.value);
              if (id && !storyIds.includes(id)) setStoryIds([...storyIds, id]);
            }}
          >
            <option value="">Answered with a story…</option>
            {stories
              .filter((story) => !storyIds.includes(story.id))
              .map((story) => (
                <option key={story.id} value={story.id}>
                  {story.title}
                </option>
              ))}
          </select>
        </div>
      )}
      {asNewTopic && sectionChoice && (
        <p className="muted new-topic-note">
          Saved as a new topic “{text.trim() || '…'}” under {sectionChoice.label}: written into the file at the next write to file.
        </p>
      )}
      <ErrorLine>{error}</ErrorLine>
      <p className="shortcuts muted">
        Type, then <kbd>↓</kbd>/<kbd>↑</kbd> and <kbd>Enter</kbd> to pick topics (several), <kbd>1</kbd>–<kbd>4</kbd> to score, <kbd>Enter</kbd> to
        save and start the next. <kbd>Esc</kbd> leaves the list.
      </p>
    </div>
  );
}
