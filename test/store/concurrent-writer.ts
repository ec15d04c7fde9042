// A separate process importing into the same database as another one; run by concurrency.test.ts.
import { openStore } from '../../src/store/database.js';
import { importParsed } from './helpers.js';
import { parsedChecklist } from './parsed.js';

const [location, name, rounds] = process.argv.slice(2) as [string, string, string];
const store = await openStore(location);
try {
  for (let round = 0; round < Number(rounds); round++) {
    // Every other round drops a topic, so imports archive and restore while the other process writes.
    const topics = ['joins', 'indexes', 'transactions', ...(round % 2 === 0 ? ['vacuum'] : [])];
    const parsed = parsedChecklist({
      sections: [
        { title: 'SQL', topics },
        { title: `Round ${round % 3}`, topics: ['x'] },
      ],
    });
    await importParsed(store, name, parsed, new Date(Date.UTC(2026, 0, 1, 0, 0, round)).toISOString());
  }
} finally {
  await store.close();
}
