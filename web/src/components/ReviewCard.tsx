// One card under review: the question, then on reveal the answer (a topic's details, notes and links, or a
// card's back) and the four ratings, each with the interval it would give. All Markdown goes through MarkdownView.
import type { ReviewCardJson } from '../../../src/contract/review.js';
import { RATING_LABEL, type Rating } from '../lib/review.js';
import { hrefFor, Link } from '../lib/router.js';
import { MarkdownView } from './MarkdownView.js';
import { ResourceList } from './ResourceList.js';

interface Props {
  item: ReviewCardJson;
  revealed: boolean;
  onReveal: () => void;
  onRate: (rating: Rating) => void;
}

export function ReviewCard({ item, revealed, onReveal, onRate }: Props) {
  const { card, topic, resources } = item;
  const isTopicCard = card.kind === 'topic';
  const place = topic ? topic.section.join(' / ') : '';
  return (
    <article className="card review-card" data-card-id={card.id} data-card-kind={card.kind} aria-labelledby="review-question">
      <p className="eyebrow review-where">
        <span className={`card-state card-state-${card.state}`}>{card.state}</span>
        {place && <span className="review-place">{place}</span>}
      </p>
      <div className="review-question" id="review-question">
        {isTopicCard ? (
          <h2 className="review-front">
            <span className="review-prompt">Explain: </span>
            <MarkdownView inline source={card.front} fallback={topic?.text} />
          </h2>
        ) : (
          <MarkdownView source={card.front} className="markdown review-front review-front-qa" />
        )}
      </div>
      {!revealed ? (
        <div className="review-actions">
          <button type="button" className="button button-primary review-reveal" onClick={onReveal}>
            Show answer <kbd>Space</kbd>
          </button>
        </div>
      ) : (
        <>
          <div className="review-answer" aria-label="Answer">
            {isTopicCard ? <TopicAnswer item={item} /> : <MarkdownView source={card.back} className="markdown" />}
            {!isTopicCard && resources.length > 0 && <ResourceList resources={resources} label="Links" />}
          </div>
          <div className="rating-buttons" role="group" aria-label="How well did you recall it?">
            {item.ratings.map((r) => (
              <button
                key={r.rating}
                type="button"
                className={`rating rating-${r.rating}`}
                onClick={() => onRate(r.rating)}
                title={`${RATING_LABEL[r.rating]}: next ${r.interval}`}
              >
                <span className="rating-interval">{r.interval}</span>
                <span className="rating-label">
                  <kbd>{r.rating}</kbd> {RATING_LABEL[r.rating]}
                </span>
              </button>
            ))}
          </div>
        </>
      )}
      {topic && (
        <p className="review-topic-link muted">
          {isTopicCard ? (
            <Link to={hrefFor(`/topics/${topic.id}`, topic.checklist)}>Open the topic #{topic.id}</Link>
          ) : (
            <>
              On <Link to={hrefFor(`/topics/${topic.id}`, topic.checklist)}>{topic.text}</Link> #{topic.id}
            </>
          )}
          {card.origin === 'file' && card.line !== null && ` · line ${card.line} of the file`}
        </p>
      )}
    </article>
  );
}

function TopicAnswer({ item }: { item: ReviewCardJson }) {
  const topic = item.topic;
  const details = topic?.details.trim() ?? '';
  const notes = topic?.notes.trim() ?? '';
  if (!topic) return <MarkdownView source={item.card.back} className="markdown" />;
  if (!details && !notes && item.resources.length === 0) {
    return <p className="muted review-nothing">Nothing written about this topic yet: answer from memory, then add notes on its page.</p>;
  }
  return (
    <>
      {details && (
        <section aria-label="From the checklist">
          <h3 className="review-answer-heading">From the checklist</h3>
          <MarkdownView source={topic.details} className="markdown" />
        </section>
      )}
      {notes && (
        <section aria-label="Your notes">
          <h3 className="review-answer-heading">Your notes</h3>
          <MarkdownView source={topic.notes} className="markdown" />
        </section>
      )}
      {item.resources.length > 0 && (
        <section aria-label="Links">
          <h3 className="review-answer-heading">Links</h3>
          <ResourceList resources={item.resources} label="Links" />
        </section>
      )}
    </>
  );
}
