// One interview round: which application, when (in its zone and the browser's, with a countdown while ahead),
// the link, the preparation notes, the outcome, the debrief, and the questions asked, logged fast from the keyboard.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { RoundDetailJson, RoundJson } from '../../../src/contract/interviews.js';
import { EmptyState } from '../components/EmptyState.js';
import { ErrorLine } from '../components/ErrorLine.js';
import { NotesEditor } from '../components/NotesEditor.js';
import { TopicSkeleton } from '../components/Skeletons.js';
import { ApiError, errorMessage } from '../lib/api.js';
import { interviewsApi } from '../lib/interviewsApi.js';
import { Link, navigate } from '../lib/router.js';
import { applicationHref, huntHref } from '../hunt/url.js';
import { countdown, formatDateTime, knownZone } from '../lib/dates.js';
import { kindLabel, OUTCOME_LABEL, OUTCOMES, roundWhen, useNow } from '../interviews/format.js';
import { QuestionDraft } from '../interviews/QuestionDraft.js';
import { QuestionList } from '../interviews/QuestionList.js';
import { RoundForm } from '../interviews/RoundForm.js';
import { RoundNotices } from '../interviews/RoundNotices.js';
import { useChecklistName, useSectionChoices } from '../interviews/useSections.js';
import { applicationQuery } from '../queries/hunt.js';
import { huntQuery } from '../queries/huntBoard.js';
import { roundQuery, useRoundWrite } from '../queries/interviews.js';
import { interviewWritesKey } from '../queries/keys.js';
import { useLive } from '../queries/live.js';
import '../hunt/hunt.css';
import '../interviews/interviews.css';

export function RoundPage({ id }: { id: number }) {
  const detail = useQuery({ ...roundQuery(id), ...useLive(interviewWritesKey(), 5000) });
  const write = useRoundWrite(id);
  const [notices, setNotices] = useState<readonly string[]>([]);
  // A failed question shows its error by the question box, where the user is typing; any other write's at the top.
  const [questionWrite, setQuestionWrite] = useState(false);
  const missing = detail.error instanceof ApiError && detail.error.status === 404;
  const data = detail.data;
  const urlChecklist = useChecklistName();
  // A new topic goes into a checklist the round is about, else the one on screen.
  const checklist = data?.round.sections[0]?.checklist ?? urlChecklist;
  const sections = useSectionChoices(checklist);
  const now = useNow();

  if (missing && !data) {
    return (
      <EmptyState
        title="No such round"
        text={`There is no round #${id} here: it may have been deleted, or the link comes from another database.`}
        action={{ to: huntHref('/hunt'), label: 'Back to the job hunt' }}
      />
    );
  }
  if (detail.error && !data) return <ErrorLine>{errorMessage(detail.error)}</ErrorLine>;
  if (!data) return <TopicSkeleton />;
  const round = data.round;
  const save = async (call: () => Promise<RoundDetailJson>, evidence = false, fromDraft = false) => {
    setQuestionWrite(fromDraft);
    const answer = await write.run(call, evidence);
    if (answer) setNotices(answer.notices);
    return answer !== null;
  };
  const upcoming = Date.parse(round.startsAt) > now;
  const firstSection = round.sections[0];
  const defaultSection = firstSection ? firstSection.path.join(' > ') : null;

  const questionsCard = (
    <section key="questions" className="card questions-card" aria-labelledby="questions-heading">
      <div className="card-title-row">
        <h2 id="questions-heading">Questions asked</h2>
        <span className="muted">{data.questions.length > 0 && `${round.scored} of ${data.questions.length} scored`}</span>
      </div>
      <QuestionList
        questions={data.questions}
        onScore={(q, score) => save(() => interviewsApi.patchQuestion(q.id, { score }), true)}
        onCard={(q, answer, topicId) =>
          save(async () => {
            await interviewsApi.questionCard(q.id, topicId === undefined ? { answer } : { answer, topicId });
            return interviewsApi.round(id);
          }, true)
        }
        onDelete={(q) => save(() => interviewsApi.deleteQuestion(q.id), true)}
      />
      <QuestionDraft
        roundId={id}
        sections={sections}
        defaultSection={defaultSection}
        error={questionWrite && write.error ? `Not saved: ${write.error}` : null}
        onSave={(question) => save(() => interviewsApi.addQuestion(id, question), true, true)}
      />
    </section>
  );
  const debriefCard = (
    <NotesEditor
      key={`debrief-${round.id}`}
      title="Debrief"
      className="debrief-editor"
      placeholder="How it went, what to do better, what they said about next steps… Markdown works."
      saved={round.debrief}
      onSave={(debrief) => save(() => interviewsApi.patchRound(id, { debrief }))}
    />
  );
  const prepCard = (
    <NotesEditor
      key={`prep-${round.id}`}
      title="Preparation"
      className="prep-editor"
      placeholder="What to prepare, questions to ask them… Markdown works."
      saved={round.prepNotes}
      onSave={(prepNotes) => save(() => interviewsApi.patchRound(id, { prepNotes }))}
    />
  );

  const outcomeCard = (
    <section key="outcome" className="card outcome-card" aria-labelledby="outcome-heading">
      <h2 id="outcome-heading">Outcome</h2>
      <div className="segmented" role="group" aria-label="Outcome">
        {OUTCOMES.map((o) => (
          <button
            key={o}
            type="button"
            className={`segment outcome-${o}`}
            aria-pressed={round.outcome === o}
            onClick={() => void save(() => interviewsApi.patchRound(id, { outcome: o }))}
          >
            {o === 'unknown' ? 'Unknown' : OUTCOME_LABEL[o]}
          </button>
        ))}
      </div>
    </section>
  );
  const detailsCard = <RoundDetails key={detailsKey(round)} round={round} onSave={(patch) => save(() => interviewsApi.patchRound(id, patch))} />;
  const deleteCard = <DeleteRound key="delete" round={round} />;

  return (
    <article className={upcoming ? 'page round-page round-upcoming' : 'page round-page'} aria-labelledby="round-title">
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link to={huntHref('/hunt')}>Job hunt</Link> / <Link to={applicationHref(round.applicationId)}>{round.company}</Link> / round
      </nav>
      <RoundHeader round={round} />
      <RoundNotices notices={notices} />
      <ErrorLine>{questionWrite ? null : write.error}</ErrorLine>
      <div className="topic-layout">
        {/* Before the round, its preparation leads; after it, the questions asked and the debrief, the preparation
            below them; beside them, what the round is before its outcome. The cards are keyed siblings, so that the order
            turning at the start keeps what they hold. */}
        <div className="topic-main">{upcoming ? [prepCard, questionsCard, debriefCard] : [questionsCard, debriefCard, prepCard]}</div>
        <aside className="topic-side">{upcoming ? [detailsCard, outcomeCard, deleteCard] : [outcomeCard, detailsCard, deleteCard]}</aside>
      </div>
    </article>
  );
}

function RoundHeader({ round }: { round: RoundJson }) {
  const now = useNow();
  const { there, here } = roundWhen(round);
  const left = countdown(round.startsAt, now);
  return (
    <header className="page-header">
      <p className="eyebrow">
        Round #{round.id} · {kindLabel(round.kind)} · {round.durationMinutes} min
      </p>
      <h1 id="round-title">
        {round.company}
        {round.role && <span className="application-role"> · {round.role}</span>}
      </h1>
      <p className="page-subtitle round-when-line">
        <time dateTime={round.startsAt}>{there}</time>
        {here && <span> · {here}</span>}
        {left && <span className="countdown countdown-big">{left}</span>}
        {!left && <span className={`outcome outcome-${round.outcome}`}>{OUTCOME_LABEL[round.outcome]}</span>}
        {/^https?:\/\//i.test(round.link) && (
          <a href={round.link} target="_blank" rel="noreferrer noopener" className="button button-small">
            Join the call
          </a>
        )}
      </p>
      {(round.sections.length > 0 || round.interviewers.length > 0) && (
        <p className="round-about muted">
          {round.sections.length > 0 && <>About {round.sections.map((s) => s.path.join(' / ')).join(', ')}</>}
          {round.sections.length > 0 && round.interviewers.length > 0 && ' · '}
          {round.interviewers.length > 0 && <>with {round.interviewers.map((i) => i.name).join(', ')}</>}
        </p>
      )}
    </header>
  );
}

/** When, zone, duration, kind, sections, interviewers, link: shown in the header, changed here. */
/**
 * What the round's form shows: when it changes (saved here or elsewhere) the form starts again from the server's
 * round; a question logged or deleted, which changes the round's updatedAt too, leaves an open form as it is.
 */
function detailsKey(round: RoundJson): string {
  return JSON.stringify([round.localStart, round.timeZone, round.durationMinutes, round.kind, round.sections, round.interviewers, round.link]);
}

function RoundDetails({ round, onSave }: { round: RoundJson; onSave: Parameters<typeof RoundForm>[0]['onSave'] }) {
  const [editing, setEditing] = useState(false);
  const hunt = useQuery({ ...huntQuery(), enabled: editing });
  const application = useQuery({ ...applicationQuery(round.applicationId), enabled: editing });
  const checklist = round.sections[0]?.checklist ?? null;
  const urlChecklist = useChecklistName();
  const sections = useSectionChoices(checklist ?? urlChecklist);
  return (
    <section className="card round-details" aria-labelledby="round-details-heading">
      <div className="card-title-row">
        <h2 id="round-details-heading">The round</h2>
        {!editing && (
          <button type="button" className="button button-small" onClick={() => setEditing(true)}>
            Change
          </button>
        )}
      </div>
      {editing ? (
        <RoundForm
          round={round}
          zone={hunt.data?.timeZone ?? round.timeZone}
          contacts={application.data?.contacts ?? []}
          sections={sections}
          onCancel={() => setEditing(false)}
          onSave={async (fields) => (await onSave(fields)) && (setEditing(false), true)}
        />
      ) : (
        <dl className="round-facts">
          <dt>Starts</dt>
          <dd>
            <time dateTime={round.startsAt}>
              {knownZone(round.timeZone)
                ? formatDateTime(round.startsAt, { zone: round.timeZone, weekday: true })
                : round.localStart.replace('T', ' ')}
            </time>{' '}
            ({round.timeZone})
          </dd>
          <dt>Kind</dt>
          <dd>{kindLabel(round.kind)}</dd>
          <dt>Length</dt>
          <dd>{round.durationMinutes} min</dd>
        </dl>
      )}
    </section>
  );
}

function DeleteRound({ round }: { round: RoundJson }) {
  const [confirming, setConfirming] = useState(false);
  const write = useRoundWrite(round.id);
  const remove = async () => {
    if ((await write.run(() => interviewsApi.deleteRound(round.id), true)) !== null) navigate(applicationHref(round.applicationId));
  };
  return (
    <section className="card keep-or-delete" aria-labelledby="delete-round-heading">
      <h2 id="delete-round-heading">Delete</h2>
      {!confirming ? (
        <div className="actions">
          <button type="button" className="button button-danger" onClick={() => setConfirming(true)}>
            Delete the round…
          </button>
        </div>
      ) : (
        <div className="delete-confirm" role="alertdialog" aria-labelledby="delete-round-question">
          <p id="delete-round-question">
            Delete this round with its {round.questions} questions? Their scores stop counting as reviews of their topics, whose schedules are
            replayed without them. It cannot be undone.
          </p>
          <div className="actions">
            <button type="button" className="button button-danger" onClick={() => void remove()} disabled={write.pending} autoFocus>
              Delete for good
            </button>
            <button type="button" className="button" onClick={() => setConfirming(false)}>
              Keep it
            </button>
          </div>
          <ErrorLine>{write.error}</ErrorLine>
        </div>
      )}
    </section>
  );
}
