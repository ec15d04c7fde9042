// What a change to a round has the user notice (the answer's `notices`: a time the clocks skip, a new kind, a start
// already past), a line each.

export function RoundNotices({ notices }: { notices: readonly string[] }) {
  if (notices.length === 0) return null;
  return (
    <p className="notice round-notices" role="status">
      {notices.map((notice, i) => (
        <span key={i} className="round-notice">
          {notice}
        </span>
      ))}
    </p>
  );
}
