// One topic in the tree: its state button, its title (a link to the topic page), its links, its children.
import type { ExportedTopic } from '../../../src/contract/checklists.js';
import { ResourceLink } from '../components/ResourceList.js';
import { StateCycleButton } from '../components/StateControl.js';
import { hrefFor, Link } from '../lib/router.js';
import { STATE_LABEL } from '../lib/states.js';
import { matchRanges } from '../lib/tree.js';
import { useTree } from './TreeContext.js';

export function TopicList({ topics, nested = false }: { topics: ExportedTopic[]; nested?: boolean }) {
  const { visibility } = useTree();
  const shown = visibility ? topics.filter((t) => visibility.visible.has(t.id)) : topics;
  if (shown.length === 0) return null;
  return (
    <ul className={nested ? 'topics topics-nested' : 'topics'}>
      {shown.map((t) => (
        <TopicRow key={t.id} topic={t} />
      ))}
    </ul>
  );
}

function TopicRow({ topic }: { topic: ExportedTopic }) {
  const { checklist, visibility, words, setTopicState } = useTree();
  // A parent shown only to place a matching child is dimmed, so the matches stand out.
  const context = visibility !== null && !visibility.matched.has(topic.id);
  return (
    <li className={`topic state-${topic.state}${context ? ' topic-context' : ''}`}>
      <div className="topic-row" data-topic-id={topic.id}>
        <StateCycleButton state={topic.state} topicText={topic.text} onChange={(s) => setTopicState(topic.id, s)} />
        {/* The title link is what j/k focus; 1-4 then set the state of its row. */}
        <Link className="topic-title" to={hrefFor(`/topics/${topic.id}`, checklist)}>
          <Highlighted text={topic.text} words={words} />
          <span className="visually-hidden">, {STATE_LABEL[topic.state]}</span>
        </Link>
        {topic.origin === 'app' && (
          <span className="topic-not-in-file" title="Added in prepdeck: Write to file adds it to your checklist">
            not in your file yet
          </span>
        )}
        {topic.notes.trim() !== '' && (
          <span className="topic-has-notes" title="Has notes" aria-label="has notes">
            ✎
          </span>
        )}
        {topic.resources.length > 0 && (
          <span className="topic-resources">
            {topic.resources.map((r, i) => (
              <ResourceLink key={`${i}-${r.url}`} resource={r} />
            ))}
          </span>
        )}
      </div>
      {topic.children.length > 0 && <TopicList topics={topic.children} nested />}
    </li>
  );
}

/** The text with the search's words marked, as the browser's find-in-page does. */
function Highlighted({ text, words }: { text: string; words: readonly string[] }) {
  const ranges = matchRanges(text, words);
  if (ranges.length === 0) return text;
  const shown = text.normalize('NFC');
  const parts = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start > at) parts.push(shown.slice(at, start));
    parts.push(<mark key={start}>{shown.slice(start, end)}</mark>);
    at = end;
  }
  parts.push(shown.slice(at));
  return <>{parts}</>;
}
