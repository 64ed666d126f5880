export interface OutcomeStyle {
  /** A status colour class (st-ok, st-alert, ...). */
  cls: string;
  /** A shape, so the outcome never rests on colour alone. */
  icon: string;
}

/** An outcome (of an audit record, a delivery...) as colour, shape and text; an unknown one is shown as it is. */
export function OutcomePill({ outcome, styles }: { outcome: string; styles: Readonly<Record<string, OutcomeStyle>> }) {
  const style = styles[outcome] ?? { cls: 'st-other', icon: '•' };
  return (
    <span className={`pill pill--sm ${style.cls}`}>
      <span className="pill__icon" aria-hidden="true">
        {style.icon}
      </span>
      <span className="pill__text">{outcome}</span>
    </span>
  );
}
