// The sections a round can be about: the study sections of the checklist on screen (`?c=`, else the one last
// shown, else the newest), from the same dashboard query the Dashboard uses.
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { chooseChecklist, rememberedChecklist } from '../lib/lastChecklist.js';
import { useLocation } from '../lib/router.js';
import { checklistsQuery, dashboardQuery } from '../queries/checklists.js';
import { sectionChoices, type SectionChoice } from './sections.js';

export function useChecklistName(): string | null {
  const asked = useLocation().searchParams.get('c');
  const list = useQuery(checklistsQuery());
  return chooseChecklist(list.data?.checklists, asked, rememberedChecklist()).name;
}

export function useSectionChoices(checklist: string | null): SectionChoice[] {
  const dashboard = useQuery({ ...dashboardQuery(checklist ?? ''), enabled: checklist !== null });
  return useMemo(() => (checklist && dashboard.data ? sectionChoices(checklist, dashboard.data.sections) : []), [checklist, dashboard.data]);
}
