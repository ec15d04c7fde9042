// Every failure the UI shows: one line, announced to screen readers; nothing when there is none.
import type { ReactNode } from 'react';

export function ErrorLine({ children }: { children: ReactNode }) {
  if (children === null || children === undefined || children === false || children === '') return null;
  return (
    <p className="error-line" role="alert">
      {children}
    </p>
  );
}
