import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import { createPortal } from 'react-dom';

interface ModalProps {
  title: ReactNode;
  onClose: () => void;
  children: ReactNode;
  /** Buttons, shown at the bottom. */
  footer?: ReactNode;
  /** Element to focus first; default: the first field (not read-only) or button in the body. */
  initialFocusRef?: RefObject<HTMLElement | null>;
  size?: 'md' | 'lg';
}

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

function focusables(root: HTMLElement): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(FOCUSABLE)).filter((el) => !el.hasAttribute('inert'));
}

/**
 * An accessible modal dialog: role=dialog, aria-modal, labelled by its title,
 * focus moved in and trapped, Esc closes, focus returns where it was.
 * (jsdom has no <dialog>.showModal(), so this is a portal with the same behaviour.)
 */
export function Modal({ title, onClose, children, footer, initialFocusRef, size = 'md' }: ModalProps) {
  const titleId = useId();
  const dialogRef = useRef<HTMLDivElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  });

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const body = bodyRef.current ?? dialog;
    // By default the first field one can type in (an edit form's read-only name is skipped), else the first button.
    const fields = focusables(body);
    const first =
      initialFocusRef?.current ?? dialog.querySelector<HTMLElement>('[data-autofocus]') ?? fields.find((el) => !el.matches('[readonly]')) ?? fields[0];
    (first ?? dialog).focus();

    // The page behind is inert while the dialog is open.
    const appRoot = document.getElementById('root');
    const madeInert = appRoot && !appRoot.contains(dialog) && !appRoot.hasAttribute('inert');
    if (madeInert) appRoot.setAttribute('inert', '');

    const keepFocusInside = (event: FocusEvent) => {
      if (event.target instanceof Node && !dialog.contains(event.target)) {
        (focusables(dialog)[0] ?? dialog).focus();
      }
    };
    document.addEventListener('focusin', keepFocusInside);
    return () => {
      document.removeEventListener('focusin', keepFocusInside);
      if (madeInert) appRoot.removeAttribute('inert');
      if (previous && previous.isConnected) previous.focus();
    };
    // Runs once per opening; the initial focus target is read at mount.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      event.preventDefault();
      onCloseRef.current();
      return;
    }
    if (event.key !== 'Tab' || !dialogRef.current) return;
    const items = focusables(dialogRef.current);
    if (items.length === 0) {
      event.preventDefault();
      return;
    }
    const firstItem = items[0]!;
    const lastItem = items[items.length - 1]!;
    if (event.shiftKey && document.activeElement === firstItem) {
      event.preventDefault();
      lastItem.focus();
    } else if (!event.shiftKey && document.activeElement === lastItem) {
      event.preventDefault();
      firstItem.focus();
    }
  };

  return createPortal(
    <div className="modal-backdrop">
      <div
        ref={dialogRef}
        className={`modal modal--${size}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        onKeyDown={onKeyDown}
      >
        <header className="modal__header">
          <h2 id={titleId} className="modal__title">
            {title}
          </h2>
          <button type="button" className="btn btn--ghost modal__close" onClick={() => onCloseRef.current()} aria-label="Close dialog">
            ×
          </button>
        </header>
        <div ref={bodyRef} className="modal__body">
          {children}
        </div>
        {footer && <footer className="modal__footer">{footer}</footer>}
      </div>
    </div>,
    document.body,
  );
}
