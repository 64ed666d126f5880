import { ATLAS_FIELDS, isSecretKind, type AtlasIntegration, type AtlasType } from '../../../../contract/atlas';
import { displayValue } from '../utils/atlas-form';

/**
 * A configured integration at a glance: each field of the table with what Atlas
 * holds (secrets as their masks), then any field Atlas sent that the table lacks.
 */
export function AtlasValues({ type, integration }: { type: AtlasType; integration: AtlasIntegration }) {
  const specs = ATLAS_FIELDS[type];
  const known = new Set(specs.map((s) => s.name));
  const extra = Object.keys(integration.values).filter((k) => !known.has(k));
  return (
    <dl className="atlas-values">
      {specs.map((spec) => {
        const shown = displayValue(integration.values[spec.name]);
        return (
          <div key={spec.name} className="atlas-values__row">
            <dt>{spec.label}</dt>
            <dd>
              {shown === null ? (
                <span className="muted-text">Not set</span>
              ) : isSecretKind(spec.kind) ? (
                <code className="atlas-values__secret">{shown}</code>
              ) : (
                shown
              )}
            </dd>
          </div>
        );
      })}
      {extra.map((name) => (
        <div key={name} className="atlas-values__row">
          <dt>
            <code>{name}</code>
          </dt>
          <dd>{displayValue(integration.values[name]) ?? <span className="muted-text">Not set</span>}</dd>
        </div>
      ))}
    </dl>
  );
}
