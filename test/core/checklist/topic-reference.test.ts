import { describe, expect, it } from 'vitest';
import { namesAtWordStart } from '../../../src/core/checklist/topic-reference.js';

describe('a topic reference that names its topic at a word, or only inside one', () => {
  it('takes the start of any word of the title, in any case, a title with slashes, and sections before it', () => {
    expect(namesAtWordStart('desc', 'descriptors')).toBe(true);
    expect(namesAtWordStart('GIL', 'The GIL and threads')).toBe(true);
    expect(namesAtWordStart('scrum', 'Agile/SCRUM/Kanban')).toBe(true);
    expect(namesAtWordStart('skip locked', 'SELECT FOR UPDATE vs SKIP LOCKED')).toBe(true);
    expect(namesAtWordStart('HTTP/2', 'HTTP/2 multiplexing')).toBe(true);
    expect(namesAtWordStart('python/desc', 'descriptors')).toBe(true);
    expect(namesAtWordStart('плюш', 'Плюшки и пироги')).toBe(true);
    expect(namesAtWordStart('.NET', 'The .NET runtime')).toBe(true);
  });

  it('does not take a reference found only inside a word', () => {
    expect(namesAtWordStart('GIL', 'Agile/SCRUM/Kanban')).toBe(false);
    expect(namesAtWordStart('lock', 'Deadlocks')).toBe(false);
    expect(namesAtWordStart('python/ors', 'descriptors')).toBe(false);
    // A later occurrence at a word start is enough.
    expect(namesAtWordStart('lock', 'Deadlocks and lock ordering')).toBe(true);
  });
});
