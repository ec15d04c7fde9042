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

export function ImportSkeleton() {
  return (
    <div className="page import-page" aria-busy="true" aria-label="Loading the import page">
      <header className="page-header">
        <div className="skeleton skeleton-title" />
        <div className="skeleton skeleton-line" style={{ width: '70%' }} />
      </header>
      <div className="card skeleton-card" style={{ height: 380 }} />
    </div>
  );
}

/** Any page: a title and a few cards. */
export function PageSkeleton() {
  return (
    <div className="page" aria-busy="true" aria-label="Loading">
      <header className="page-header">
        <div className="skeleton skeleton-title" />
        <div className="skeleton skeleton-line" />
      </header>
      <div className="card skeleton-card" style={{ height: 150 }} />
      <div className="card skeleton-card" style={{ height: 320 }} />
    </div>
  );
}
