// Rounds and their questions in the terminal: when (in the round's zone, and the hunt's when that differs), a
// countdown for those to come, and each question with its topics and score.
import type { LeftOutRoundJson, QuestionJson, RoundDetailJson, RoundJson } from '../../contract/interviews.js';
import { localStartOf } from '../../core/interviews/local-time.js';
import type { Colors } from '../output.js';
import { noticeLines } from '../hunt/render.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const SCORES = ['', 'again', 'hard', 'good', 'easy'];

/** "in 2 d 4 h", "in 3 h 10 min", "in 25 min", "now"; "3 d ago" for one past. */
function countdown(startsAt: string, now: string): string {
  const ms = Date.parse(startsAt) - Date.parse(now);
  const span = Math.abs(ms);
  const days = Math.floor(span / DAY);
  const hours = Math.floor((span % DAY) / HOUR);
  const minutes = Math.floor((span % HOUR) / MINUTE);
  const text =
    days > 0 ? `${days} d${hours > 0 ? ` ${hours} h` : ''}` : hours > 0 ? `${hours} h${minutes > 0 ? ` ${minutes} min` : ''}` : `${minutes} min`;
  if (span < MINUTE) return 'now';
  return ms > 0 ? `in ${text}` : `${text} ago`;
}

/** `2026-12-20 15:00 Europe/Berlin`, with the time in `hereZone` beside it when it is another zone. */
function whenText(round: RoundJson, hereZone: string): string {
  const own = `${round.localStart.replace('T', ' ')} ${round.timeZone}`;
  if (hereZone === round.timeZone) return own;
  const here = localStartOf(round.startsAt, hereZone);
  return `${own} (${here.slice(0, 10) === round.localStart.slice(0, 10) ? here.slice(11) : here.replace('T', ' ')} ${hereZone})`;
}

function title(round: RoundJson): string {
  return `${round.company}${round.role ? ` — ${round.role}` : ''} (${round.kind})`;
}

export function roundsText(rounds: readonly RoundJson[], now: string, hereZone: string, c: Colors): string[] {
  return rounds.map((round) => {
    const upcoming = Date.parse(round.startsAt) > Date.parse(now);
    const when = upcoming ? c.cyan(countdown(round.startsAt, now)) : c.dim(round.outcome === 'unknown' ? 'done' : round.outcome);
    const sections = round.sections.length > 0 ? c.dim(`  [${round.sections.map((s) => s.path.join(' > ')).join(', ')}]`) : '';
    const questions = round.questions > 0 ? c.dim(`  ${round.questions} question${round.questions === 1 ? '' : 's'}, ${round.scored} scored`) : '';
    return `${c.dim(`#${round.id}`.padStart(4))}  ${whenText(round, hereZone)}  ${c.bold(title(round))}  ${when}${sections}${questions}`;
  });
}

/**
 * The rounds to come that `--upcoming` leaves out, their application closed or archived: they will not take place,
 * and a calendar user would not have them among what is ahead. Nothing when there are none.
 */
export function leftOutText(leftOut: readonly LeftOutRoundJson[], c: Colors): string[] {
  if (leftOut.length === 0) return [];
  const one = leftOut.length === 1;
  return [
    c.dim(
      `left out, ${one ? 'its application' : 'their applications'} closed or archived (\`prepdeck rounds --app APP\` lists ${one ? 'it' : 'them'}):`,
    ),
    ...leftOut.map((round) =>
      c.dim(`${`#${round.id}`.padStart(4)}  ${round.localStart.replace('T', ' ')} ${round.timeZone}  ${round.company}  (${round.why})`),
    ),
  ];
}

/** What `rounds`'s filters asked for: only those to come, of a kind, of an application (named as the list names it). */
export interface RoundFilterWords {
  upcoming?: boolean | undefined;
  kind?: string | undefined;
  application?: string | undefined;
}

/**
 * Why the list is empty: "no upcoming rounds", "no rounds of kind onsite for Acme" (the filters together), with how
 * many there are in all; "no rounds yet" only when there are none at all.
 */
export function noRoundsText(filter: RoundFilterWords, all: number, c: Colors): string {
  if (all === 0) return c.dim('no rounds yet; add one with `prepdeck rounds add APP --at 2026-12-20T15:00`');
  const kind = filter.kind !== undefined ? ` of kind ${filter.kind}` : '';
  const application = filter.application !== undefined ? ` for ${filter.application}` : '';
  return c.dim(`no ${filter.upcoming ? 'upcoming ' : ''}rounds${kind}${application}; \`prepdeck rounds\` lists all ${all}`);
}

function questionLines(question: QuestionJson, c: Colors): string[] {
  const score = question.score === null ? c.dim('not scored') : `${question.score} ${SCORES[question.score]}`;
  const lines = [
    `  ${c.dim(`q${question.id}`)} ${question.text}  ${c.yellow(`[${score}]`)}${question.cardId !== null ? c.dim(`  card #${question.cardId}`) : ''}`,
  ];
  for (const topic of question.topics) {
    const flags = [topic.archived ? 'archived' : '', topic.outsideRound ? "outside the round's sections" : ''].filter(Boolean);
    lines.push(
      `      → ${[...topic.section, topic.title].join(' / ')} ${c.dim(`#${topic.topicId}`)}${flags.length > 0 ? c.yellow(` (${flags.join(', ')})`) : ''}`,
    );
  }
  for (const story of question.stories) lines.push(`      ★ ${story.title} ${c.dim(`story #${story.id}`)}`);
  return lines;
}

export function roundDetailText(detail: RoundDetailJson, now: string, hereZone: string, c: Colors): string[] {
  const { round } = detail;
  const upcoming = Date.parse(round.startsAt) > Date.parse(now);
  const lines = [
    ...noticeLines(detail.notices, c),
    `${c.bold(title(round))} ${c.dim(`round #${round.id}, application #${round.applicationId}`)}`,
    `  when:         ${whenText(round, hereZone)}, ${round.durationMinutes} min${upcoming ? `  ${c.cyan(countdown(round.startsAt, now))}` : ''}`,
    `  outcome:      ${round.outcome}`,
  ];
  if (round.link) lines.push(`  link:         ${round.link}`);
  if (round.sections.length > 0) lines.push(`  sections:     ${round.sections.map((s) => s.path.join(' > ')).join('; ')}`);
  if (round.interviewers.length > 0) lines.push(`  interviewers: ${round.interviewers.map((i) => `${i.name} (${i.role})`).join(', ')}`);
  if (round.prepNotes) lines.push('  preparation:', ...round.prepNotes.split('\n').map((l) => `    ${l}`));
  if (round.debrief) lines.push('  debrief:', ...round.debrief.split('\n').map((l) => `    ${l}`));
  lines.push(
    detail.questions.length > 0
      ? '  questions:'
      : c.dim(`  questions:    none yet (\`prepdeck ask ${round.id} "the question" --topic TOPIC --score 3\`)`),
  );
  for (const question of detail.questions) lines.push(...questionLines(question, c));
  return lines;
}
