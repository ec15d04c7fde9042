// One application: its details and notes, how it meets the criteria, its stage and history, the people,
// the follow-ups and the offer; archiving, and a hard delete that says what it removes.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { ApplicationDetailJson, HuntJson, MoveResultJson, OfferPutResultJson } from '../../../src/contract/hunt.js';
import { EmptyState } from '../components/EmptyState.js';
import { ErrorLine } from '../components/ErrorLine.js';
import { NotesEditor } from '../components/NotesEditor.js';
import { TopicSkeleton } from '../components/Skeletons.js';
import { ApiError, errorMessage } from '../lib/api.js';
import { huntApi } from '../lib/huntApi.js';
import { Link, navigate } from '../lib/router.js';
import { ContactsCard } from '../hunt/ContactsCard.js';
import { DetailsForm } from '../hunt/DetailsForm.js';
import { FitBadge } from '../hunt/Fit.js';
import { FollowUpsCard } from '../hunt/FollowUpsCard.js';
import { REMOTE_LABEL, salaryText, stageLabel } from '../hunt/format.js';
import { MarksCard } from '../hunt/MarksCard.js';
import { OfferCard } from '../hunt/OfferCard.js';
import { StageCard } from '../hunt/StageCard.js';
import { RoundsCard } from '../interviews/RoundsCard.js';
import { huntHref } from '../hunt/url.js';
import { applicationQuery, useDeleteApplication, useHuntWrite } from '../queries/hunt.js';
import { huntQuery } from '../queries/huntBoard.js';
import { huntWritesKey } from '../queries/keys.js';
import { useLive } from '../queries/live.js';
import '../hunt/hunt.css';

export function ApplicationPage({ id }: { id: number }) {
  const live = useLive(huntWritesKey(), 5000);
  const detail = useQuery({ ...applicationQuery(id), ...live });
  const hunt = useQuery(huntQuery());
  // Every write answers the whole application: one runner for them all, one error line.
  const write = useHuntWrite((call: () => Promise<WriteAnswer>) => call());
  // What a write did besides what was asked (an offer moving the stage, follow-ups leaving the due lists), in words.
  const [notice, setNotice] = useState<string | null>(null);
  const run = async (call: () => Promise<WriteAnswer>) => {
    const answer = await write.run(call);
    setNotice(answer ? sideEffects(answer, hunt.data) : null);
    return answer !== null;
  };
  const missing = detail.error instanceof ApiError && detail.error.status === 404;

  if (missing && !detail.data) {
    return (
      <EmptyState
        title="No such application"
        text={`There is no application #${id} here: it may have been deleted, or the link comes from another database.`}
        action={{ to: huntHref('/hunt'), label: 'Back to the job hunt' }}
      />
    );
  }
  const error = detail.error ?? hunt.error;
  if (error && !(detail.data && hunt.data)) return <ErrorLine>{errorMessage(error)}</ErrorLine>;
  if (!detail.data || !hunt.data) return <TopicSkeleton />;
  const data = detail.data;
  const a = data.application;
  const today = hunt.data.today;

  return (
    <article className="page application-page" aria-labelledby="application-title">
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link to={huntHref('/hunt')}>Job hunt</Link> / {stageLabel(hunt.data, a.stage)}
      </nav>
      <header className="page-header">
        <p className="eyebrow">
          Application #{a.id}
          {a.archivedAt && ' · archived'}
        </p>
        <div className="application-title-row">
          <h1 id="application-title">
            {a.company}
            {a.role && <span className="application-role"> · {a.role}</span>}
          </h1>
          <FitBadge fit={a.fit} />
        </div>
        <p className="page-subtitle">
          <span className="stage-pill">{stageLabel(hunt.data, a.stage)}</span>
          {[a.location, a.remote ? REMOTE_LABEL[a.remote] : '', salaryText(a.salary)].filter(Boolean).map((part) => (
            <span key={part}> · {part}</span>
          ))}
          {/^https?:\/\//i.test(a.link) && (
            <>
              {' · '}
              <a href={a.link} target="_blank" rel="noreferrer noopener">
                the posting
              </a>
            </>
          )}
        </p>
      </header>
      <ErrorLine>{write.error}</ErrorLine>
      {notice && (
        <p className="notice application-notice" role="status">
          {notice}
        </p>
      )}
      <div className="topic-layout">
        <div className="topic-main">
          <MarksCard
            key={`marks-${a.id}`}
            detail={data}
            criteria={hunt.data.criteria}
            onMark={(criterionId, mark) => run(() => huntApi.mark(id, criterionId, mark))}
          />
          <DetailsForm key={a.updatedAt} application={a} onSave={(patch) => run(() => huntApi.patchApplication(id, patch))} />
          <NotesEditor
            key={`notes-${a.id}`}
            saved={a.notes}
            placeholder="How it went, what they said, what to ask or send next… Markdown works."
            onSave={(notes) => run(() => huntApi.patchApplication(id, { notes }))}
          />
          <OfferCard
            offer={data.offer}
            today={today}
            onSave={(offer) => run(() => huntApi.putOffer(id, offer))}
            onRemove={() => run(() => huntApi.deleteOffer(id))}
          />
        </div>
        <aside className="topic-side">
          <StageCard key={a.stage} detail={data} hunt={hunt.data} onMove={(move) => run(() => huntApi.move(id, move))} />
          <RoundsCard applicationId={id} contacts={data.contacts} zone={hunt.data.timeZone} />
          <FollowUpsCard
            followUps={data.followUps}
            today={today}
            offDueLists={
              data.followUpsDue
                ? null
                : a.archivedAt
                  ? 'the application is archived'
                  : `the application is closed (${stageLabel(hunt.data, a.stage)})`
            }
            onAdd={(f) => run(() => huntApi.addFollowUp(id, f))}
            onDone={(followUpId, done) => run(() => huntApi.patchFollowUp(followUpId, { done }))}
            onDelete={(followUpId) => run(() => huntApi.deleteFollowUp(followUpId))}
          />
          <ContactsCard
            contacts={data.contacts}
            onAdd={(c) => run(() => huntApi.addContact(id, c))}
            onEdit={(contactId, c) => run(() => huntApi.patchContact(contactId, c))}
            onDelete={(contactId) => run(() => huntApi.deleteContact(contactId))}
          />
          <KeepOrDelete
            id={id}
            archived={a.archivedAt !== null}
            company={a.company}
            onArchive={(archived) => run(() => huntApi.patchApplication(id, { archived }))}
          />
        </aside>
      </div>
    </article>
  );
}

/**
 * A write's answer: the application, and, from a new offer, the stage move it made (OfferPutResultJson), or, from a
 * move, an archive or a restore, its open follow-ups leaving or rejoining the due lists and its rounds to come called off
 * (MoveResultJson, and PATCH's ApplicationPatchResultJson, which counts them alike).
 */
type WriteAnswer = ApplicationDetailJson &
  Partial<Pick<OfferPutResultJson, 'moved'> & Pick<MoveResultJson, 'followUpsNoLongerDue' | 'followUpsDueAgain' | 'roundsCalledOff'>>;

/** What the server says it did besides the write asked for, in a line; null when nothing. */
function sideEffects(answer: WriteAnswer, hunt: HuntJson | undefined): string | null {
  const { moved, followUpsNoLongerDue = 0, followUpsDueAgain = 0, roundsCalledOff = 0 } = answer;
  if (moved?.from) return `Recording the offer moved it from ${stageLabel(hunt, moved.from)} to ${stageLabel(hunt, moved.to)}.`;
  const open = (n: number) => (n === 1 ? '1 open follow-up is' : `${n} open follow-ups are`);
  const said: string[] = [];
  if (followUpsNoLongerDue > 0) said.push(`${open(followUpsNoLongerDue)} no longer listed as due; kept here.`);
  if (followUpsDueAgain > 0) said.push(`${open(followUpsDueAgain)} listed as due again.`);
  if (roundsCalledOff > 0)
    said.push(
      `${roundsCalledOff === 1 ? 'Its upcoming round is' : `Its ${roundsCalledOff} upcoming rounds are`} called off: out of the upcoming rounds, the plan and the calendar until it reopens.`,
    );
  return said.length > 0 ? said.join(' ') : null;
}

interface KeepOrDeleteProps {
  id: number;
  archived: boolean;
  company: string;
  onArchive: (archived: boolean) => Promise<boolean>;
}

/** Archiving keeps everything and takes it off the board; deleting removes it and its history for good, once confirmed. */
function KeepOrDelete({ id, archived, company, onArchive }: KeepOrDeleteProps) {
  const [confirming, setConfirming] = useState(false);
  const { remove, error, pending } = useDeleteApplication(id, () => navigate(huntHref('/hunt')));
  return (
    <section className="card keep-or-delete" aria-labelledby="keep-heading">
      <h2 id="keep-heading">Archive or delete</h2>
      <p className="muted">
        {archived ? 'Archived: off the board and the lists, kept with its history.' : 'Archiving takes it off the board and keeps everything.'}
      </p>
      <div className="actions">
        <button type="button" className="button" onClick={() => void onArchive(!archived)}>
          {archived ? 'Restore to the board' : 'Archive'}
        </button>
        {!confirming && (
          <button type="button" className="button button-danger" onClick={() => setConfirming(true)}>
            Delete…
          </button>
        )}
      </div>
      {confirming && (
        <div className="delete-confirm" role="alertdialog" aria-labelledby="delete-question">
          <p id="delete-question">
            Delete {company} for good? This removes the application <strong>and its whole history</strong>: stage moves, marks, contacts, follow-ups
            and the offer. It cannot be undone; Archive keeps them.
          </p>
          <div className="actions">
            <button type="button" className="button button-danger" onClick={remove} disabled={pending} autoFocus>
              Delete for good
            </button>
            <button type="button" className="button" onClick={() => setConfirming(false)}>
              Keep it
            </button>
          </div>
          <ErrorLine>{error}</ErrorLine>
        </div>
      )}
    </section>
  );
}
