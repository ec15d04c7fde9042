// What a page shows when there is nothing to show yet, with the one thing to do next.
import { Link } from '../lib/router.js';

interface Props {
  title: string;
  text: string;
  action?: { to: string; label: string };
}

export function EmptyState({ title, text, action }: Props) {
  return (
    <section className="empty-state">
      <h1>{title}</h1>
      <p>{text}</p>
      {action && (
        <Link className="button button-primary" to={action.to}>
          {action.label}
        </Link>
      )}
    </section>
  );
}
