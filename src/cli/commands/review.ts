import { answerCard, reviewQueue, undoReview } from '../../app/review/review.js';
import { checkTopicIds } from '../../app/topics/topics.js';
import { PrepdeckError } from '../../core/errors.js';
import { printJson, printLines, UsageError } from '../output.js';
import type { CommandContext } from '../program.js';
import type { ReviewSource } from '../review/session.js';
import { withApp } from '../session.js';
import { checklistToUse } from '../checklist.js';

interface ReviewOptions {
  section?: string;
  /** Topic ids, parsed by program.ts. */
  topics?: number[];
  plan?: boolean;
  limit?: number;
}

/** The session shows the first card of each queue it reads; a few more let an undone card be found in it. */
const SESSION_QUEUE_LENGTH = 20;

export class NoTerminalError extends PrepdeckError {
  override name = 'NoTerminalError';
}

export async function review(ctx: CommandContext, options: ReviewOptions): Promise<void> {
  if (options.section?.trim() === '') throw new UsageError('--section is empty; give a section path (python/core) or words of one');
  if (options.plan && (options.section !== undefined || options.topics !== undefined))
    throw new UsageError("--plan studies today's planned items; it takes neither --section nor --topics");
  if (ctx.json) {
    const queue = await withApp(ctx, async (app) => {
      const checklist = await checklistToUse(app, ctx, { announce: false });
      if (options.topics) await checkTopicIds(app, options.topics, checklist);
      return reviewQueue(app, { checklist, section: options.section, topicIds: options.topics, plan: options.plan, limit: options.limit });
    });
    printJson(queue);
    return;
  }
  // Checked before the database is opened: a pipe gets its answer without side effects.
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    throw new NoTerminalError('review needs a terminal to show cards and read keys; use --json to list what is due');
  }
  // Loaded only for a terminal: log-update and its text-width tables take a tenth of a second to load, which
  // `review --json` in a script need not pay.
  const { runReviewSession } = await import('../review/session.js');
  await withApp(ctx, async (app) => {
    // Named before the first queue is read, so that undo stays in the checklist being reviewed.
    const checklist = await checklistToUse(app, ctx, { announce: true });
    if (options.topics) await checkTopicIds(app, options.topics, checklist);
    const source: ReviewSource = {
      queue: async () => {
        return reviewQueue(app, { checklist, section: options.section, topicIds: options.topics, plan: options.plan, limit: SESSION_QUEUE_LENGTH });
      },
      answer: (cardId, rating, durationMs, shownReps) => answerCard(app, cardId, rating, durationMs, shownReps),
      undo: (cardId) => undoReview(app, checklist, cardId),
    };
    // Nothing planned for now (a day off, today's list done, no target yet): the plan says why and when next, rather
    // than a session saying no card is scheduled while cards are due.
    const { planSummary } = options.plan ? await source.queue() : { planSummary: null };
    if (planSummary !== null) {
      printLines([planSummary, '`prepdeck review` studies what is due today, plan or not.']);
      return;
    }
    const stop = new AbortController();
    const onSignal = () => stop.abort();
    process.once('SIGTERM', onSignal);
    process.once('SIGHUP', onSignal);
    try {
      await runReviewSession({
        source,
        input: process.stdin,
        output: process.stdout,
        colors: ctx.color,
        now: () => Date.now(),
        limit: options.limit,
        signal: stop.signal,
        plan: options.plan,
      });
    } finally {
      process.off('SIGTERM', onSignal);
      process.off('SIGHUP', onSignal);
    }
  });
}
