import { QueryErrorResetBoundary } from '@tanstack/react-query';
import { Component, type ReactNode } from 'react';
import { InlineError } from './inline-error';

interface BoundaryProps {
  title: string;
  frame?: (failure: ReactNode) => ReactNode;
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
    const failure = (
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
    return this.props.frame ? this.props.frame(failure) : failure;
  }
}

interface SectionErrorBoundaryProps {
  /** What failed, before the error: "Couldn't load the timeline". */
  title: string;
  /** Puts the error and its Retry in the section's own frame (a card with its heading), so the page keeps its shape. */
  frame?: (failure: ReactNode) => ReactNode;
  children: ReactNode;
}

/**
 * One part of a page that loads on its own (a team's open incidents, its monitors,
 * an overview tile): a failure shows there, with Retry, and the rest of the page stays usable.
 */
export function SectionErrorBoundary({ title, frame, children }: SectionErrorBoundaryProps) {
  return (
    <QueryErrorResetBoundary>
      {({ reset }) => (
        <Boundary title={title} frame={frame} onReset={reset}>
          {children}
        </Boundary>
      )}
    </QueryErrorResetBoundary>
  );
}
