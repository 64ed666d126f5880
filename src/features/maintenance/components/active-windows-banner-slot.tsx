import { Component, lazy, Suspense, type ReactNode } from 'react';

/**
 * The active-windows banner loads after the shell: it needs the maintenance contract, which brings
 * the RRULE library, and the first page must not wait for that. This file stays tiny (React only).
 */
const ActiveWindowsBanner = lazy(() => import('./active-windows-banner').then((m) => ({ default: m.ActiveWindowsBanner })));

/** A banner that cannot load (its code failed to download) shows nothing rather than taking the page down. */
class Quiet extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override render() {
    return this.state.failed ? null : this.props.children;
  }
}

export function ActiveWindowsBannerSlot() {
  return (
    <Quiet>
      <Suspense fallback={null}>
        <ActiveWindowsBanner />
      </Suspense>
    </Quiet>
  );
}
