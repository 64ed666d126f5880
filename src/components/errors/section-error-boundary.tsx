import { QueryErrorResetBoundary } from '@tanstack/react-query';
import { Component, type ReactNode } from 'react';
import { InlineError } from './inline-error';

interface BoundaryProps {
  title: string;
  onReset: () => void;
  children: ReactNode;
}

class Boundary extends Component<BoundaryProps, { error: unknown }> {
  override state: { error: unknown } = { error: null };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  override render() {
    if (this.state.error === null) return this.props.children;
    return (
      <div className="section-error">
        <InlineError error={this.state.error} prefix={this.props.title} />
        <button
          type="button"
          className="btn btn--sm"
          onClick={() => {
            this.props.onReset();
            this.setState({ error: null });
          }}
        >
          Retry
        </button>
      </div>
    );
  }
}

/**
 * One part of a page that loads on its own (a team's open incidents, its monitors):
 * a failure shows there, with Retry, and the rest of the page stays usable.
 */
export function SectionErrorBoundary({ title, children }: { title: string; children: ReactNode }) {
  return (
    <QueryErrorResetBoundary>
      {({ reset }) => (
        <Boundary title={title} onReset={reset}>
          {children}
        </Boundary>
      )}
    </QueryErrorResetBoundary>
  );
}
