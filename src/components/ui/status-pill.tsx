import { statusClass, statusIcon } from './status-style';

interface StatusPillProps {
  status: string;
  /** Smaller, for table cells and lists. */
  size?: 'sm' | 'md';
}

/** A status as colour, shape AND text, so it reads the same without colour vision. */
export function StatusPill({ status, size = 'md' }: StatusPillProps) {
  return (
    <span className={`pill pill--${size} ${statusClass(status)}`}>
      <span className="pill__icon" aria-hidden="true">
        {statusIcon(status)}
      </span>
      <span className="pill__text">{status}</span>
    </span>
  );
}
