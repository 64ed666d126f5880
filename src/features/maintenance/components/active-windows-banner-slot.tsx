import { Component, lazy, Suspense, type ReactNode } from 'react';

/**
 * The active-windows banner loads after the shell: its schemas, reminders and countdown are not
 * needed to show the first page, which stays under the initial-route budget. (The RRULE library is
 * kept out of it by the contract split: see contract/maintenance-schedule.ts.) This file stays tiny.
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
