// The questions logged for a round, in the order asked: each with the topics it touches (links to them), its
// self-score (changed here: the topics' schedules are replayed from their logs), a question/answer card made
// of it, and delete.
import { useState, type FormEvent } from 'react';
import type { QuestionJson } from '../../../src/contract/interviews.js';
import { MarkdownView } from '../components/MarkdownView.js';
import { hrefFor, Link } from '../lib/router.js';
import { plainTitle, SCORE_LABEL, SCORES, type Score } from './format.js';

interface Props {
  questions: QuestionJson[];
  onScore: (question: QuestionJson, score: Score | null) => Promise<boolean>;
  onCard: (question: QuestionJson, answer: string, topicId: number | undefined) => Promise<boolean>;
  onDelete: (question: QuestionJson) => Promise<boolean>;
}

export function QuestionList({ questions, onScore, onCard, onDelete }: Props) {
  if (questions.length === 0) return <p className="muted">No questions logged yet: type the first one below.</p>;
  return (
    <ol className="question-list">
      {questions.map((q) => (
        <QuestionItem key={q.id} question={q} onScore={onScore} onCard={onCard} onDelete={onDelete} />
      ))}
    </ol>
  );
}

function QuestionItem({ question, onScore, onCard, onDelete }: { question: QuestionJson } & Omit<Props, 'questions'>) {
  const [replayed, setReplayed] = useState<string | null>(null);
  const [carding, setCarding] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const scoreTo = async (score: Score | null) => {
    setReplayed(null);
    if (!(await onScore(question, score))) return;
    const n = question.topics.length;
    if (n === 0) setReplayed(score === null ? 'Score cleared.' : 'Score saved.');
    else
      setReplayed(
        score === null
          ? `Score cleared: its evidence is withdrawn and the schedule of ${n === 1 ? 'its topic' : `its ${n} topics`} replayed without it.`
          : `Score saved: the schedule of ${n === 1 ? 'its topic was' : `its ${n} topics were`} replayed with it.`,
      );
  };
  return (
    <li className="question-item" data-question-id={question.id}>
      <MarkdownView source={question.text} className="question-text-view markdown" />
      {question.topics.length > 0 && (
        <ul className="question-topics" aria-label="Topics it touches">
          {question.topics.map((t) => (
            <li key={t.topicId}>
              <Link to={hrefFor(`/topics/${t.topicId}`, t.checklist)} className="chip chip-topic chip-link">
                {plainTitle(t.title)}
              </Link>
              {t.archived && <span className="pill">archived</span>}
              {t.outsideRound && (
                <span className="pill" title="In none of the round's sections">
                  outside the round
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      {question.stories.length > 0 && <p className="question-stories muted">Answered with: {question.stories.map((s) => s.title).join(', ')}</p>}
      <div className="question-actions">
        <div className="segmented score-segmented" role="group" aria-label="Self-score">
          {SCORES.map((s) => (
            <button
              key={s}
              type="button"
              className={`segment score-${s}`}
              aria-pressed={question.score === s}
              title={question.score === s ? 'Click again to clear the score' : SCORE_LABEL[s]}
              onClick={() => void scoreTo(question.score === s ? null : s)}
            >
              {s} <span className="segment-hint">{SCORE_LABEL[s]}</span>
            </button>
          ))}
        </div>
        {question.cardId === null ? (
          question.topics.length > 0 &&
          !carding && (
            <button type="button" className="button button-small" onClick={() => setCarding(true)}>
              Make a card
            </button>
          )
        ) : (
          <span className="muted">a card of its topic</span>
        )}
        {!confirming ? (
          <button
            type="button"
            className="button button-small question-delete"
            onClick={() => setConfirming(true)}
            aria-label={`Delete question ${question.position}`}
          >
            Delete
          </button>
        ) : (
          <span className="inline-confirm">
            Delete it{question.score !== null && question.topics.length > 0 ? ' and withdraw its evidence' : ''}?{' '}
            <button type="button" className="button button-small button-danger" onClick={() => void onDelete(question)} autoFocus>
              Delete
            </button>
            <button type="button" className="button button-small" onClick={() => setConfirming(false)}>
              Keep
            </button>
          </span>
        )}
      </div>
      {replayed && (
        <p className="notice question-replayed" role="status">
          {replayed}
        </p>
      )}
      {carding && (
        <CardForm
          question={question}
          onCancel={() => setCarding(false)}
          onSave={async (answer, topicId) => (await onCard(question, answer, topicId)) && (setCarding(false), true)}
        />
      )}
    </li>
  );
}

function CardForm({
  question,
  onSave,
  onCancel,
}: {
  question: QuestionJson;
  onSave: (answer: string, topicId: number | undefined) => Promise<boolean>;
  onCancel: () => void;
}) {
  const [answer, setAnswer] = useState('');
  const [topicId, setTopicId] = useState(question.topics[0]?.topicId);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (answer.trim()) void onSave(answer.trim(), topicId);
  };
  return (
    <form className="question-card-form" onSubmit={submit} aria-label="Make a card">
      <label className="field field-wide">
        <span className="field-label">Your better answer (the card's back, Markdown)</span>
        <textarea value={answer} onChange={(e) => setAnswer(e.target.value)} rows={4} maxLength={20_000} required autoFocus />
      </label>
      {question.topics.length > 1 && (
        <label className="field field-narrow">
          <span className="field-label">Card of the topic</span>
          <select value={topicId} onChange={(e) => setTopicId(Number(e.target.value))}>
            {question.topics.map((t) => (
              <option key={t.topicId} value={t.topicId}>
                {plainTitle(t.title)}
              </option>
            ))}
          </select>
        </label>
      )}
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={!answer.trim()}>
          Make the card
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
