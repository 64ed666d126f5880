export interface Toast {
  id: number;
  message: string;
  detail?: string;
}

export interface ToastStore {
  subscribe(listener: () => void): () => void;
  getSnapshot(): readonly Toast[];
  push(toast: Omit<Toast, 'id'>): number;
  dismiss(id: number): void;
}

const MAX_TOASTS = 3;

/** A tiny store for transient notices (background refresh failures of data on screen). */
export function createToastStore(): ToastStore {
  let toasts: readonly Toast[] = [];
  let nextId = 1;
  const listeners = new Set<() => void>();
  const emit = () => listeners.forEach((l) => l());
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => toasts,
    push(toast) {
      // The same notice repeated on every poll would be noise: keep one.
      const existing = toasts.find((t) => t.message === toast.message && t.detail === toast.detail);
      if (existing) return existing.id;
      const id = nextId++;
      toasts = [...toasts, { ...toast, id }].slice(-MAX_TOASTS);
      emit();
      return id;
    },
    dismiss(id) {
      toasts = toasts.filter((t) => t.id !== id);
      emit();
    },
  };
}
