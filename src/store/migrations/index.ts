// Migrations are registered here by name, not found by scanning a folder, so they ship inside dist/ as code.
import type { Migration, MigrationProvider } from 'kysely';
import * as initial from './0001-initial.js';
import * as eventsByChecklist from './0002-events-by-checklist.js';
import * as cards from './0003-cards.js';
import * as studyCards from './0004-study-cards.js';
import * as reviewTopicState from './0005-review-topic-state.js';
import * as pendingWrites from './0006-pending-writes.js';
import * as hunt from './0007-hunt.js';
import * as preferences from './0008-preferences.js';
import * as pendingWriteWriter from './0009-pending-write-writer.js';
import * as cardEvents from './0010-card-events.js';
import * as interviews from './0011-interviews.js';
import * as plan from './0012-plan.js';
import * as boundedIdentityKeys from './0013-bounded-identity-keys.js';
import * as headingsReading from './0014-headings-reading.js';
import * as topicsRemoved from './0015-topics-removed.js';
import * as obsidianMarkers from './0016-obsidian-markers.js';

const MIGRATIONS: Record<string, Migration> = {
  '0001-initial': initial,
  '0002-events-by-checklist': eventsByChecklist,
  '0003-cards': cards,
  '0004-study-cards': studyCards,
  '0005-review-topic-state': reviewTopicState,
  '0006-pending-writes': pendingWrites,
  '0007-hunt': hunt,
  '0008-preferences': preferences,
  '0009-pending-write-writer': pendingWriteWriter,
  '0010-card-events': cardEvents,
  '0011-interviews': interviews,
  '0012-plan': plan,
  '0013-bounded-identity-keys': boundedIdentityKeys,
  '0014-headings-reading': headingsReading,
  '0015-topics-removed': topicsRemoved,
  '0016-obsidian-markers': obsidianMarkers,
};

/** The schema a database is at once every migration has run: a backup says which it was made from. */
export const LATEST_MIGRATION = Object.keys(MIGRATIONS).at(-1)!;
/** Every migration's name, oldest first: a backup from a schema not listed here was made by a newer prepdeck. */
export const MIGRATION_NAMES: readonly string[] = Object.keys(MIGRATIONS);

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};
