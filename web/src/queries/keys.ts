// Every key of the server data the web caches, nested by what it belongs to, so that invalidating a prefix
// (a checklist, its review) reaches everything under it. Mutation keys sit under the same prefixes: a page
// that polls a resource waits while a write under its prefix is on its way.

export const checklistsKey = () => ['checklists'] as const;

/** Everything shown about one checklist: its tree, dashboard, review. */
export const checklistKey = (name: string) => ['checklist', name] as const;
export const treeKey = (name: string) => [...checklistKey(name), 'tree'] as const;
export const dashboardKey = (name: string) => [...checklistKey(name), 'dashboard'] as const;

/** What reviewing changes: the queues, today's counts, the statistics, the settings. */
export const reviewKey = (name: string) => [...checklistKey(name), 'review'] as const;
/** Every section's queue of a checklist, for cancelling them all. */
export const reviewQueuesKey = (name: string) => [...reviewKey(name), 'queue'] as const;
/** `section`: the path key of `?section=`, null for the whole checklist; `plan`: today's planned items only. */
export const reviewQueueKey = (name: string, section: string | null, topics: string | null = null, plan = false) =>
  [...reviewQueuesKey(name), section, topics, plan] as const;
export const dueCountKey = (name: string) => [...reviewKey(name), 'due'] as const;
export const reviewStatsKey = (name: string) => [...reviewKey(name), 'stats'] as const;
export const reviewSettingsKey = (name: string) => [...reviewKey(name), 'settings'] as const;

/** The Write to file panel's dry run for the states shown (`revision`), with or without the cards. */
export const writeBackDryRunKey = (name: string, revision: string, cards: boolean) => [...checklistKey(name), 'write-back', revision, cards] as const;

export const topicsKey = () => ['topic'] as const;
export const topicKey = (id: number) => [...topicsKey(), id] as const;
export const topicCardsKey = (id: number) => [...topicKey(id), 'cards'] as const;

/** Writes, by what they change. */
export const markTopicsKey = (checklist: string) => [...checklistKey(checklist), 'mark'] as const;
export const writeBackKey = (checklist: string) => [...checklistKey(checklist), 'write-back'] as const;
export const reviewWritesKey = (checklist: string) => [...reviewKey(checklist), 'answer'] as const;
export const saveTopicKey = (id: number) => [...topicKey(id), 'save'] as const;

/** The job hunt, one prefix for all of it: a change to an application moves its board, fit, agenda and funnel. */
export const huntKey = () => ['hunt'] as const;
export const huntSettingsKey = () => [...huntKey(), 'settings'] as const;
export const applicationsKey = (archived: boolean) => [...huntKey(), 'applications', archived] as const;
export const applicationKey = (id: number) => [...huntKey(), 'application', id] as const;
export const offersKey = () => [...huntKey(), 'offers'] as const;
export const agendaKey = () => [...huntKey(), 'agenda'] as const;
export const funnelKey = () => [...huntKey(), 'funnel'] as const;
/** Writes to the hunt: polls wait while one is on its way. */
export const huntWritesKey = () => [...huntKey(), 'write'] as const;

/** Interviews, one prefix for all of it: rounds, their questions, suggestions, gaps, stories. */
export const interviewsKey = () => ['interviews'] as const;
export const roundsKey = (filter: { upcoming?: boolean; application?: number }) => [...interviewsKey(), 'rounds', filter] as const;
export const roundKey = (id: number) => [...interviewsKey(), 'round', id] as const;
export const suggestionsKey = (round: number | null, q: string) => [...interviewsKey(), 'suggestions', round, q] as const;
export const gapsKey = (filter: Record<string, string>) => [...interviewsKey(), 'gaps', filter] as const;
export const storiesKey = () => [...interviewsKey(), 'stories'] as const;
/** Writes to interviews: polls wait while one is on its way. */
export const interviewWritesKey = () => [...interviewsKey(), 'write'] as const;

/** The plan to a date, under its checklist: an answer in a review session (which invalidates the checklist) moves it too. */
export const planKey = (name: string) => [...checklistKey(name), 'plan'] as const;
export const planDataKey = (name: string) => [...planKey(name), 'days'] as const;
export const planSettingsKey = (name: string) => [...planKey(name), 'settings'] as const;
/** Writes to the plan: its polls wait while one is on its way. */
export const planWritesKey = (name: string) => [...planKey(name), 'write'] as const;
