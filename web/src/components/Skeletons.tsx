// Placeholders in the shape of each page while its code or data loads, so nothing is blank and nothing jumps.

export function TopicSkeleton() {
  return (
    <div className="page topic-page" aria-busy="true" aria-label="Loading the topic">
      <div className="skeleton skeleton-line" />
      <div className="skeleton skeleton-title" />
      <div className="topic-layout">
        <div className="topic-main">
          <div className="card skeleton-card" style={{ height: 120 }} />
          <div className="card skeleton-card" style={{ height: 320 }} />
        </div>
        <aside className="topic-side">
          <div className="card skeleton-card" style={{ height: 200 }} />
        </aside>
      </div>
    </div>
  );
}

interface PageSkeletonProps {
  /** The page's own class, so the placeholder takes the page's width and spacing. */
  className?: string;
  label?: string;
  /** Heights of the cards below the title, in pixels. */
  cards?: number[];
}

/** A page's title and its cards, in the page's shape. */
export function PageSkeleton({ className = '', label = 'Loading', cards = [150, 320] }: PageSkeletonProps) {
  return (
    <div className={`page ${className}`.trim()} aria-busy="true" aria-label={label}>
      <header className="page-header">
        <div className="skeleton skeleton-title" />
        <div className="skeleton skeleton-line" />
      </header>
      {cards.map((height, i) => (
        <div key={i} className="card skeleton-card" style={{ height }} />
      ))}
    </div>
  );
}

export function ImportSkeleton() {
  return <PageSkeleton className="import-page" label="Loading the import page" cards={[380]} />;
}

export function DashboardSkeleton() {
  return <PageSkeleton className="dashboard" label="Loading the dashboard" cards={[150, 190, 400]} />;
}

export function ReviewSkeleton() {
  return <PageSkeleton className="review-page" label="Loading the review" cards={[280]} />;
}
