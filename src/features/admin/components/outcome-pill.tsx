import { OutcomePill as Pill, type OutcomeStyle } from '../../../components/ui/outcome-pill';

const OUTCOMES: Record<string, OutcomeStyle> = {
  allowed: { cls: 'st-ok', icon: '✓' },
  denied: { cls: 'st-alert', icon: '⊘' },
  invalid: { cls: 'st-warn', icon: '◆' },
  failed: { cls: 'st-nodata', icon: '▲' },
};

/** An audit outcome as colour, shape and text. */
export function OutcomePill({ outcome }: { outcome: string }) {
  return <Pill outcome={outcome} styles={OUTCOMES} />;
}
