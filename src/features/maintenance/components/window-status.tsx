const STATUS: Record<string, { label: string; icon: string }> = {
  active: { label: 'Active', icon: '●' },
  scheduled: { label: 'Scheduled', icon: '◷' },
  ended: { label: 'Ended', icon: '■' },
  canceled: { label: 'Canceled', icon: '✕' },
};

/** A window's status as shape, colour and word; "ending soon" is spelled out, not only coloured. */
export function WindowStatus({ status, endingSoon = false }: { status: string; endingSoon?: boolean }) {
  const known = STATUS[status];
  const kind = known ? status : 'other';
  return (
    <span className={`mw-status mw-status--${kind}${endingSoon ? ' mw-status--soon' : ''}`}>
      <span aria-hidden="true">{endingSoon ? '⚠' : (known?.icon ?? '•')}</span>
      {known?.label ?? status}
      {endingSoon && ' · ending soon'}
    </span>
  );
}
