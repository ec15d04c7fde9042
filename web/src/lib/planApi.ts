// The plan to an interview date: the plan itself, its targets, availability and costs. Beside api.ts and through
// its `request`, in a module of its own so that it loads with the Plan page (and the Dashboard's lead line) only.
import type {
  PlanJson,
  PlanSettingsJson,
  PlanSettingsPatchJson,
  PlanTargetCreateJson,
  PlanTargetJson,
  PlanTargetPatchJson,
} from '../../../src/contract/plan.js';
import { request } from './api.js';

const planPath = (name: string) => `/api/checklists/${encodeURIComponent(name)}/plan`;

/** The plan's study days as a calendar file, as a plain link downloads it. */
export const planCalendarHref = (checklist: string) => `/api/plan.ics?checklist=${encodeURIComponent(checklist)}`;

export const planApi = {
  plan: (name: string, signal?: AbortSignal) => request<PlanJson>('GET', planPath(name), undefined, signal),
  /** Today's list made again from the memory state now. */
  replan: (name: string) => request<PlanJson>('POST', `${planPath(name)}/replan`, {}),
  settings: (name: string, signal?: AbortSignal) => request<PlanSettingsJson>('GET', `${planPath(name)}/settings`, undefined, signal),
  patchSettings: (name: string, patch: PlanSettingsPatchJson) => request<PlanSettingsJson>('PATCH', `${planPath(name)}/settings`, patch),
  addTarget: (name: string, body: PlanTargetCreateJson) => request<PlanTargetJson>('POST', `${planPath(name)}/targets`, body),
  patchTarget: (name: string, id: number, patch: PlanTargetPatchJson) => request<PlanTargetJson>('PATCH', `${planPath(name)}/targets/${id}`, patch),
  /** A date target goes; a round's is taken out of the plan instead (PATCH excluded puts it back). */
  removeTarget: (name: string, id: number) => request<PlanTargetJson>('DELETE', `${planPath(name)}/targets/${id}`),
};
