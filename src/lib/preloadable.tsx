import { Component as ReactComponent, useEffect, useSyncExternalStore, type ComponentType, type ReactNode } from 'react';

export interface Preloadable<P extends object> {
  /**
   * Renders the component once its code has loaded, and nothing until then (it starts the
   * download if nobody has). A failed download is thrown, for a LoadBoundary to catch.
   */
  Component: ComponentType<P>;
  /**
   * Starts loading the code when the user shows they may need it soon (a row selected, a key
   * pressed), so it is usually there by the time it is shown. Loads once; after a failed
   * download, calling it again tries again. Call it before showing the component again after a failure.
   */
  preload: () => void;
}

/** A component's code could not be downloaded (what a LoadBoundary handles; other errors pass through it). */
export class CodeLoadError extends Error {
  override readonly name = 'CodeLoadError';
  constructor(readonly reason: unknown) {
    super(reason instanceof Error ? reason.message : 'The code could not be loaded');
  }
}

type LoadState<P> =
  | { status: 'idle' | 'loading' }
  | { status: 'loaded'; component: ComponentType<P> }
  | { status: 'failed'; error: CodeLoadError };

/**
 * A component whose code is fetched on demand, like React.lazy, but it can be preloaded ahead of
 * need, a failed download is not remembered forever (React.lazy would fail every later render),
 * and it does not suspend: while loading it renders nothing in place, and the page around it
 * stays as it is. Once loaded it renders at once.
 */
export function preloadable<P extends object>(load: () => Promise<ComponentType<P>>): Preloadable<P> {
  let state: LoadState<P> = { status: 'idle' };
  const listeners = new Set<() => void>();
  const update = (next: LoadState<P>) => {
    state = next;
    listeners.forEach((listener) => listener());
  };

  const preload = () => {
    if (state.status === 'loading' || state.status === 'loaded') return;
    update({ status: 'loading' });
    load().then(
      (component) => update({ status: 'loaded', component }),
      (reason: unknown) => update({ status: 'failed', error: new CodeLoadError(reason) }),
    );
  };

  const subscribe = (listener: () => void) => {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  };
  const getSnapshot = () => state;

  function Lazy(props: P) {
    const current = useSyncExternalStore(subscribe, getSnapshot);
    // Shown without a preload first: start the download now.
    useEffect(() => {
      if (current.status === 'idle') preload();
    }, [current.status]);
    if (current.status === 'failed') throw current.error;
    if (current.status !== 'loaded') return null;
    const Loaded = current.component;
    return <Loaded {...props} />;
  }

  return { Component: Lazy, preload };
}

interface LoadBoundaryProps {
  /** Told once when the code could not be loaded; the parent closes what it opened. */
  onError: (error: CodeLoadError) => void;
  children: ReactNode;
}

/**
 * Around something opened on demand (a dialog): when its code cannot be downloaded, it shows
 * nothing and tells the parent, rather than replacing the whole page with an error. Any other
 * error goes on to the boundary above, as if this one were not there.
 */
export class LoadBoundary extends ReactComponent<LoadBoundaryProps, { error: unknown }> {
  override state: { error: unknown } = { error: null };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  override componentDidCatch(error: unknown) {
    if (error instanceof CodeLoadError) this.props.onError(error);
  }

  override render() {
    const { error } = this.state;
    if (error === null) return this.props.children;
    if (error instanceof CodeLoadError) return null;
    throw error;
  }
}
