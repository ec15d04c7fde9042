// The board: a column per stage in the hunt's order, a card per application. A card moves by drag and drop
// (dnd-kit, with its own announcements) or from the keyboard: focus it, then ←/→ for the previous or next
// stage, 1-9 for the stage of that number, Enter to open it.
import {
  DndContext,
  DragOverlay,
  MouseSensor,
  TouchSensor,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type DragStartEvent,
} from '@dnd-kit/core';
import { useDeferredValue, useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { ApplicationSummaryJson, HuntJson, StageJson } from '../../../src/contract/hunt.js';
import { Link, navigate } from '../lib/router.js';
import { FitBadge } from './Fit.js';
import { dueText, formatDate } from '../lib/dates.js';
import { fitText } from './format.js';
import { applicationHref } from './url.js';

interface Props {
  hunt: HuntJson;
  applications: ApplicationSummaryJson[];
  onMove: (application: ApplicationSummaryJson, to: string) => void;
}

/**
 * Cards per column in the first paint: what the window holds (a card takes about 112 px and the first starts about
 * 333 px down), and one more. The rest follow in a render React may interrupt.
 */
const firstPaintCards = () => Math.max(3, Math.ceil((window.innerHeight - 333) / 112) + 1);

export function Board({ hunt, applications, onMove }: Props) {
  const { stages } = hunt;
  // A board of a thousand applications shows its first screen at once and fills its columns right after, so the first
  // cards don't wait for the last (the whole board mounted in one go took about twice as long to show anything).
  const cardsPerColumn = useDeferredValue(Number.POSITIVE_INFINITY, firstPaintCards());
  const [dragged, setDragged] = useState<ApplicationSummaryJson | null>(null);
  const [announcement, setAnnouncement] = useState('');
  // The card moved from the keyboard, focused again once it shows in its new column.
  const refocus = useRef<{ id: number; stage: string } | null>(null);
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  // A small move before a drag starts, so a click still opens the card; a touch waits, so the board still scrolls.
  // Mouse and touch sensors, not pointer and touch: a touch's pointerdown would go to the pointer sensor first, and the
  // scroll that follows cancels it, so a finger could never drag.
  const sensors = useSensors(
    useSensor(MouseSensor, { activationConstraint: { distance: 6 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 250, tolerance: 8 } }),
  );
  const byStage = useMemo(() => {
    const map = new Map<string, ApplicationSummaryJson[]>(stages.map((s) => [s.key, []]));
    for (const a of applications) map.get(a.stage)?.push(a);
    return map;
  }, [stages, applications]);
  const byId = useMemo(() => new Map(applications.map((a) => [String(a.id), a])), [applications]);
  const label = (key: string | number | undefined) => stages.find((s) => s.key === key)?.label ?? String(key);

  useEffect(() => {
    const target = refocus.current;
    if (!target) return;
    const card = document.querySelector<HTMLElement>(`[data-stage="${target.stage}"] [data-card-id="${target.id}"]`);
    if (!card) return;
    card.focus();
    refocus.current = null;
  });

  const move = (application: ApplicationSummaryJson, to: StageJson) => {
    if (to.key === application.stage) return;
    onMove(application, to.key);
    setAnnouncement(`${application.company} moved to ${to.label}.`);
  };

  const keyDown = (event: KeyboardEvent<HTMLElement>, application: ApplicationSummaryJson) => {
    if (event.target !== event.currentTarget || event.ctrlKey || event.metaKey || event.altKey) return;
    const index = stages.findIndex((s) => s.key === application.stage);
    let to: StageJson | undefined;
    if (event.key === 'ArrowLeft') to = stages[index - 1];
    else if (event.key === 'ArrowRight') to = stages[index + 1];
    else if (/^[1-9]$/.test(event.key)) to = stages[Number(event.key) - 1];
    else if (event.key === 'Enter') {
      event.preventDefault();
      navigate(applicationHref(application.id));
      return;
    } else return;
    event.preventDefault();
    if (!to) return;
    if (!expanded.has(to.key) && to.outcome) setExpanded(new Set([...expanded, to.key]));
    refocus.current = { id: application.id, stage: to.key };
    move(application, to);
  };

  const announcements: Announcements = {
    onDragStart: ({ active }) => `Picked up ${byId.get(String(active.id))?.company ?? 'the card'}.`,
    onDragOver: ({ over }) => (over ? `Over ${label(over.id)}.` : 'Over no stage.'),
    onDragEnd: ({ active, over }) =>
      over ? `${byId.get(String(active.id))?.company ?? 'The card'} dropped on ${label(over.id)}.` : 'Dropped back where it was.',
    onDragCancel: () => 'Move cancelled.',
  };

  const toggle = (key: string) => {
    const next = new Set(expanded);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    setExpanded(next);
  };
  const steps = stages.filter((s) => !s.outcome);
  const outcomes = stages.filter((s) => s.outcome);
  const column = (stage: StageJson) => {
    const cards = byStage.get(stage.key) ?? [];
    const collapsed = stage.outcome && !expanded.has(stage.key);
    return (
      <Column
        key={stage.key}
        stage={stage}
        number={stages.indexOf(stage) + 1}
        count={cards.length}
        collapsed={collapsed}
        onToggle={() => toggle(stage.key)}
      >
        {!collapsed &&
          cards
            .slice(0, cardsPerColumn)
            .map((a) => <DraggableCard key={a.id} application={a} today={hunt.today} stage={stage} onKeyDown={keyDown} />)}
      </Column>
    );
  };

  const dragStart = ({ active }: DragStartEvent) => setDragged(byId.get(String(active.id)) ?? null);
  const dragEnd = ({ active, over }: DragEndEvent) => {
    setDragged(null);
    const application = byId.get(String(active.id));
    const to = stages.find((s) => s.key === over?.id);
    if (application && to) move(application, to);
  };

  return (
    <DndContext
      sensors={sensors}
      onDragStart={dragStart}
      onDragEnd={dragEnd}
      onDragCancel={() => setDragged(null)}
      accessibility={{
        announcements,
        screenReaderInstructions: {
          draggable: 'Use the arrow keys to move the card to the previous or next stage, 1 to 9 for a stage by its number, Enter to open it.',
        },
      }}
    >
      <div className="board" role="group" aria-label="Applications by stage">
        {steps.map((stage) => column(stage))}
        {/* The ends of the road share one column, each folded to its header until opened. */}
        {outcomes.length > 0 && <div className="board-outcomes">{outcomes.map((stage) => column(stage))}</div>}
      </div>
      <DragOverlay dropAnimation={null}>
        {dragged && (
          <CardBody application={dragged} today={hunt.today} closed={stages.find((s) => s.key === dragged.stage)?.outcome ?? false} overlay />
        )}
      </DragOverlay>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </DndContext>
  );
}

interface ColumnProps {
  stage: StageJson;
  number: number;
  count: number;
  collapsed: boolean;
  onToggle: () => void;
  children: ReactNode;
}

function Column({ stage, number, count, collapsed, onToggle, children }: ColumnProps) {
  const { setNodeRef, isOver } = useDroppable({ id: stage.key });
  const headingId = `stage-${stage.key}`;
  return (
    <section
      ref={setNodeRef}
      aria-labelledby={headingId}
      data-stage={stage.key}
      className={`board-column${stage.outcome ? ' board-column-outcome' : ''}${collapsed ? ' board-column-collapsed' : ''}${isOver ? ' board-column-over' : ''}`}
    >
      <header className="board-column-header">
        <h2 id={headingId}>
          <span className="board-stage-number" aria-hidden="true">
            {number <= 9 ? number : ''}
          </span>
          {stage.label}
        </h2>
        <span className="board-count" aria-label={`${count} applications`}>
          {count}
        </span>
        {stage.outcome && (
          <button type="button" className="board-toggle" aria-expanded={!collapsed} onClick={onToggle} title={collapsed ? 'Show the cards' : 'Fold'}>
            <span className="visually-hidden">
              {collapsed ? 'Show' : 'Fold'} {stage.label}
            </span>
            <span className="chevron" aria-hidden="true" />
          </button>
        )}
      </header>
      {!collapsed && <ul className="board-cards">{children}</ul>}
    </section>
  );
}

interface CardProps {
  application: ApplicationSummaryJson;
  today: string;
  stage: StageJson;
  onKeyDown: (event: KeyboardEvent<HTMLElement>, application: ApplicationSummaryJson) => void;
}

function DraggableCard({ application, today, stage, onKeyDown }: CardProps) {
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({ id: String(application.id) });
  const description = [application.role, stage.label, fitText(application.fit)].filter(Boolean).join(', ');
  return (
    <li className="board-card-item">
      <div
        ref={setNodeRef}
        {...listeners}
        {...attributes}
        role="button"
        tabIndex={0}
        aria-roledescription="application card"
        aria-label={`${application.company}: ${description}`}
        data-card-id={application.id}
        className={`board-card${isDragging ? ' board-card-dragging' : ''}${application.fit.failedGates.length > 0 ? ' board-card-failed' : ''}`}
        onKeyDown={(e) => onKeyDown(e, application)}
      >
        <CardBody application={application} today={today} closed={stage.outcome} />
      </div>
    </li>
  );
}

interface CardBodyProps {
  application: ApplicationSummaryJson;
  today: string;
  /** At an end of the road: its open follow-ups are no longer due (core/hunt/closing.ts), so the card shows none. */
  closed: boolean;
  overlay?: boolean;
}

function CardBody({ application, today, closed, overlay = false }: CardBodyProps) {
  const next = closed ? null : application.nextFollowUp;
  const late = next !== null && next.dueOn < today;
  return (
    <div className={`board-card-body${overlay ? ' board-card board-card-overlay' : ''}`}>
      {/* Not a tab stop: the card is one, and Enter on it opens the application. */}
      <Link to={applicationHref(application.id)} className="board-card-company" tabIndex={-1} title={application.company}>
        {application.company}
      </Link>
      {application.role && (
        <p className="board-card-role" title={application.role}>
          {application.role}
        </p>
      )}
      <div className="board-card-meta">
        <FitBadge fit={application.fit} />
        {application.hasOffer && <span className="pill pill-offer">offer</span>}
        {next && (
          <span
            className={`board-card-due ${late ? 'due-late' : next.dueOn === today ? 'due-today' : 'muted'}`}
            title={`Next follow-up: ${next.title}, ${formatDate(next.dueOn, { today, weekday: true })}`}
          >
            {next.title} · {dueText(next.dueOn, today)}
          </span>
        )}
      </div>
    </div>
  );
}
