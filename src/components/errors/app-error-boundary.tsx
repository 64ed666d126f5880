import { Component, type ErrorInfo, type ReactNode } from 'react';

interface State {
  error: Error | null;
}

/** How long a crashed screen waits before reloading itself (wall monitors have nobody to press a button). */
export const AUTO_RELOAD_MS = 60_000;

/** Last line of defence around the whole app: a crash shows a message and reloads itself after a minute. */
export class AppErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };
  private timer: ReturnType<typeof setTimeout> | null = null;

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error('watchdeck crashed', error, info.componentStack);
    this.timer = setTimeout(() => window.location.reload(), AUTO_RELOAD_MS);
  }

  override componentWillUnmount() {
    if (this.timer) clearTimeout(this.timer);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <main className="page">
        <section className="error-panel" role="alert">
          <h1>watchdeck hit an unexpected error</h1>
          <p className="error-panel__message">{this.state.error.message}</p>
          <p>This page reloads itself in a minute.</p>
          <button type="button" className="btn btn--primary" onClick={() => window.location.reload()}>
            Reload now
          </button>
        </section>
      </main>
    );
  }
}
