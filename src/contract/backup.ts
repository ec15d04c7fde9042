// A checklist's backup: every stored row of it (the checklist, its sections, topics, links, notes, history, cards,
// review log and review settings, the plan's availability and costs) as the database holds them, so that a restore gives back exactly that. It rides in
// `prepdeck export --format json` beside the readable tree, and `prepdeck import --backup FILE` restores it.
import { Type, type Static } from 'typebox';

/** What names a backup, so that any other JSON is refused with a line saying so. */
export const BACKUP_FORMAT = 'prepdeck-backup';

/** A stored row: its columns as the database holds them (ISO text for times, 0/1 for booleans, JSON as text). */
const Row = Type.Record(Type.String(), Type.Union([Type.String(), Type.Number(), Type.Null()]));
const Rows = Type.Array(Row);

export const ChecklistBackupJson = Type.Object({
  format: Type.Literal(BACKUP_FORMAT),
  schema: Type.String({ description: 'the last migration of the database it was made from: a newer one is refused' }),
  tables: Type.Object({
    checklists: Type.Array(Row, { minItems: 1, maxItems: 1 }),
    sections: Rows,
    topics: Rows,
    resources: Rows,
    section_notes: Rows,
    events: Rows,
    cards: Rows,
    review_log: Rows,
    review_settings: Rows,
    // Since 0012-plan; a backup made before has none.
    plan_settings: Type.Optional(Rows),
    plan_section_costs: Type.Optional(Rows),
  }),
});
export type ChecklistBackupJson = Static<typeof ChecklistBackupJson>;
export type BackupTable = keyof ChecklistBackupJson['tables'];
/** Tables whose rows have no id of their own: one row (or a few) per checklist, found by it. */
export const KEYLESS_TABLES: readonly BackupTable[] = ['review_settings', 'plan_settings', 'plan_section_costs'];

/** `prepdeck import --backup FILE --json`: what was restored, a checklist each. */
export const RestoreResultJson = Type.Object({
  restored: Type.Array(
    Type.Object({
      name: Type.String(),
      topics: Type.Integer({ description: 'study topics not archived, as an import and `list` count them' }),
      goals: Type.Integer(),
      books: Type.Integer(),
      archived: Type.Integer({ description: 'topics, goals and books archived (gone from the file), kept with their history' }),
      events: Type.Integer(),
      cards: Type.Integer(),
      reviews: Type.Integer(),
    }),
  ),
});
export type RestoreResultJson = Static<typeof RestoreResultJson>;
