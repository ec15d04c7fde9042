// A checklist's study sections as a round (or a new topic) names them: the whole path of titles, `Python > Core`,
// so that two sections sharing a title ("Other") stay apart.
import type { SectionProgressJson } from '../../../src/contract/checklists.js';
import type { RoundSectionJson, SectionRefJson } from '../../../src/contract/interviews.js';

export interface SectionChoice {
  checklist: string;
  /** What the API takes: titles joined by " > ". */
  ref: string;
  /** As shown: titles joined by " / ". */
  label: string;
  depth: number;
}

export function sectionChoices(checklist: string, sections: SectionProgressJson[]): SectionChoice[] {
  const titles: string[] = [];
  const choices: SectionChoice[] = [];
  for (const s of sections) {
    titles.length = Math.max(0, s.depth - 1);
    titles.push((s.text || s.title).replace(/\s+/gu, ' ').trim());
    if (s.role === 'study') choices.push({ checklist, ref: titles.join(' > '), label: titles.join(' / '), depth: s.depth });
  }
  return choices;
}

export const sectionRef = (section: RoundSectionJson): SectionRefJson => ({ checklist: section.checklist, section: section.path.join(' > ') });
