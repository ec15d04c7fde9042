// Opens the app for one command and always closes it, so no connection outlives the command.
import { closeApp, openApp, type AppContext } from '../app/context.js';
import { resolveDatabaseLocation } from '../app/location.js';
import type { CommandContext } from './program.js';

export async function withApp<T>(ctx: CommandContext, fn: (app: AppContext) => Promise<T>): Promise<T> {
  const app = await openApp(resolveDatabaseLocation({ flag: ctx.dbFlag, env: process.env }));
  try {
    return await fn(app);
  } finally {
    await closeApp(app);
  }
}
