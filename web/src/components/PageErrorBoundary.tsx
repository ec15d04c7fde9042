// A page whose code failed to load (the server was upgraded or restarted meanwhile, the network dropped)
// says so in one line with a way out, instead of leaving the whole app blank.
import { Component, type ReactNode } from 'react';
import { ErrorLine } from './ErrorLine.js';

interface Props {
  children: ReactNode;
}

export class PageErrorBoundary extends Component<Props, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="page">
        <ErrorLine>This page could not be loaded ({this.state.error.message}). Is `prepdeck serve` still running?</ErrorLine>
        <div className="actions">
          <button type="button" className="button button-primary" onClick={() => window.location.reload()}>
            Reload
          </button>
        </div>
      </div>
    );
  }
}
