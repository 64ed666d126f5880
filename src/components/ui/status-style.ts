/** Colour class and shape for a status. Every known status gets its own shape as well as its own colour. */
const STYLES: Record<string, { cls: string; icon: string }> = {
  Alert: { cls: 'st-alert', icon: '▲' },
  Warn: { cls: 'st-warn', icon: '◆' },
  'No Data': { cls: 'st-nodata', icon: '◌' },
  Unknown: { cls: 'st-unknown', icon: '?' },
  OK: { cls: 'st-ok', icon: '✓' },
  Ignored: { cls: 'st-ignored', icon: '–' },
  Skipped: { cls: 'st-skipped', icon: '»' },
};

export function statusClass(status: string): string {
  return STYLES[status]?.cls ?? 'st-other';
}

export function statusIcon(status: string): string {
  return STYLES[status]?.icon ?? '•';
}
