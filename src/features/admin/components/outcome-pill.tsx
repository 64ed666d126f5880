const OUTCOMES: Record<string, { cls: string; icon: string }> = {
  allowed: { cls: 'st-ok', icon: '✓' },
  denied: { cls: 'st-alert', icon: '⊘' },
  invalid: { cls: 'st-warn', icon: '◆' },
  failed: { cls: 'st-nodata', icon: '▲' },
};

/** An audit outcome as colour, shape and text (an unknown outcome is shown as it is). */
export function OutcomePill({ outcome }: { outcome: string }) {
  const style = OUTCOMES[outcome] ?? { cls: 'st-other', icon: '•' };
  return (
    <span className={`pill pill--sm ${style.cls}`}>
      <span className="pill__icon" aria-hidden="true">
        {style.icon}
      </span>
      <span className="pill__text">{outcome}</span>
    </span>
  );
}
