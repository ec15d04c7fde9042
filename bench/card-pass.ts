// The card pass's own share of the parse: how much of parseChecklist's time is spent reading Q&A cards (deciding
// whether each list item or paragraph is written as a card, and reading those that are). Measured by sampling the
// CPU while the parse runs: a sample counts for the card pass when its stack passes through a card function, so the
// share needs no second, card-less parser to compare with.
import { Session } from 'node:inspector/promises';
import { parseChecklist } from '../src/core/import/parse-checklist.js';

/** The parser's card functions (src/core/import/parse-checklist.ts) and everything of core/review/cards.ts it calls. */
const CARD_FUNCTION = /^(?:cardShape|readCardShape|readCard|readParagraphCards|addCard)$/;
const CARD_MODULE = /\/core\/review\/cards\.[jt]s$/;

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}

export interface CardPassShare {
  parseMs: number;
  cardMs: number;
}

export async function cardPassShare(text: string, runs: number): Promise<CardPassShare> {
  parseChecklist(text, { fallbackTitle: 'bench' }); // warm-up
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 100 });
    await session.post('Profiler.start');
    const start = performance.now();
    for (let i = 0; i < runs; i++) parseChecklist(text, { fallbackTitle: 'bench' });
    const parseMs = (performance.now() - start) / runs;
    const { profile } = await session.post('Profiler.stop');
    const nodes = profile.nodes as ProfileNode[];
    const parent = new Map<number, number>();
    for (const node of nodes) for (const child of node.children ?? []) parent.set(child, node.id);
    const byId = new Map(nodes.map((node) => [node.id, node]));
    const inCardPass = new Map<number, boolean>();
    const isCard = (id: number): boolean => {
      const known = inCardPass.get(id);
      if (known !== undefined) return known;
      const { functionName, url } = byId.get(id)!.callFrame;
      const up = parent.get(id);
      const result = CARD_FUNCTION.test(functionName) || CARD_MODULE.test(url) || (up !== undefined && isCard(up));
      inCardPass.set(id, result);
      return result;
    };
    let all = 0;
    let card = 0;
    const samples = profile.samples ?? [];
    const deltas = profile.timeDeltas ?? [];
    samples.forEach((id, i) => {
      const delta = deltas[i] ?? 0;
      all += delta;
      if (isCard(id)) card += delta;
    });
    return { parseMs, cardMs: all === 0 ? 0 : (parseMs * card) / all };
  } finally {
    session.disconnect();
  }
}
