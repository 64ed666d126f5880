import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import type { ToastStore } from '../../lib/toast-store';

const ToastContext = createContext<ToastStore | null>(null);

export function ToastProvider({ store, children }: { store: ToastStore; children: ReactNode }) {
  return <ToastContext.Provider value={store}>{children}</ToastContext.Provider>;
}

export function useToasts(): ToastStore {
  const store = useContext(ToastContext);
  if (!store) throw new Error('useToasts needs a <ToastProvider>');
  return store;
}

/** Notices about background refresh failures; they stay until dismissed (nobody may be watching at 3 a.m.). */
export function Toaster() {
  const store = useToasts();
  const toasts = useSyncExternalStore(store.subscribe, store.getSnapshot);
  return (
    <div className="toaster" role="status" aria-live="polite">
      {toasts.map((t) => (
        <div key={t.id} className="toast">
          <p>
            <strong>{t.message}</strong>
            {t.detail && <span className="toast__detail"> {t.detail}</span>}
          </p>
          <button type="button" className="btn btn--ghost btn--sm" onClick={() => store.dismiss(t.id)}>
            Dismiss
          </button>
        </div>
      ))}
    </div>
  );
}
