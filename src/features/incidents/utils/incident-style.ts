/**
 * Colour class and shape per severity and state. SEV-0 and SEV-1 are the most
 * prominent (SEV-0 filled); every value also shows its text, so nothing depends on colour.
 */
const SEVERITY_STYLES: Record<string, { cls: string; icon: string }> = {
  'SEV-0': { cls: 'st-alert sev-0', icon: '▲' },
  'SEV-1': { cls: 'st-alert sev-1', icon: '▲' },
  'SEV-2': { cls: 'st-warn', icon: '◆' },
  'SEV-3': { cls: 'st-nodata', icon: '●' },
  'SEV-4': { cls: 'st-unknown', icon: '○' },
  'SEV-5': { cls: 'st-other', icon: '○' },
  UNKNOWN: { cls: 'st-other', icon: '?' },
};

const STATE_STYLES: Record<string, { cls: string; icon: string }> = {
  active: { cls: 'st-alert', icon: '●' },
  stable: { cls: 'st-warn', icon: '◐' },
  resolved: { cls: 'st-ok', icon: '✓' },
  completed: { cls: 'st-other', icon: '■' },
};

export function severityStyle(severity: string): { cls: string; icon: string } {
  return SEVERITY_STYLES[severity] ?? { cls: 'st-other', icon: '•' };
}

export function stateStyle(state: string): { cls: string; icon: string } {
  return STATE_STYLES[state] ?? { cls: 'st-other', icon: '•' };
}

/** "IR-12". */
export function publicIdLabel(publicId: number): string {
  return `IR-${publicId}`;
}
