import { useId } from 'react';
import {
  DEFAULT_WEBHOOK_PAYLOAD,
  payloadTemplateError,
  renderWebhookPayload,
  templateVariables,
  WEBHOOK_SAMPLE_VALUES,
} from '../../../contract/webhook-template';
import type { CustomVariable } from '../../../contract/integrations';
import type { Encoding } from '../utils/webhook-form';

interface PayloadPreviewProps {
  template: string;
  encodeAs: Encoding;
  /** The custom variables; a secret one's value is unknown here and stays as $NAME. */
  customVariables: readonly CustomVariable[];
}

/** The rendered payload, pretty-printed when it is JSON. */
export function renderPreview(template: string, encodeAs: Encoding, customValues: Readonly<Record<string, string>>): string {
  const rendered = renderWebhookPayload(template, { ...WEBHOOK_SAMPLE_VALUES, ...customValues }, encodeAs);
  if (encodeAs !== 'json') return rendered;
  try {
    return JSON.stringify(JSON.parse(rendered), null, 2);
  } catch {
    return rendered;
  }
}

/**
 * What Datadog would send for a sample alert, as the template is typed: the
 * same renderer as the BFF and the local Datadog, the variables it uses, and
 * why it is not valid JSON yet, if it is not.
 */
export function PayloadPreview({ template, encodeAs, customVariables }: PayloadPreviewProps) {
  const id = useId();
  const customValues: Record<string, string> = {};
  for (const v of customVariables) if (!v.isSecret && v.value !== null) customValues[v.name] = v.value;
  const secretNames = new Set(customVariables.filter((v) => v.isSecret).map((v) => v.name));
  const usesDefault = template.trim() === '';
  const effective = usesDefault ? DEFAULT_WEBHOOK_PAYLOAD : template;
  const error = encodeAs === 'json' ? payloadTemplateError(effective) : null;
  const variables = templateVariables(effective);

  return (
    <section className="preview int-preview" aria-labelledby={`${id}-title`}>
      <h3 className="section-title" id={`${id}-title`}>
        Preview with sample values
      </h3>
      {usesDefault && <p className="field__hint">The payload is empty, so Datadog sends its default payload, shown here.</p>}
      {error && (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      )}
      <pre className="int-code" aria-label="Rendered preview" tabIndex={0}>
        {renderPreview(effective, encodeAs, customValues)}
      </pre>
      <div>
        <h4 className="int-preview__subtitle">Variables used</h4>
        {variables.length === 0 ? (
          <p className="field__hint">None: the payload is sent as written.</p>
        ) : (
          <ul className="chips" aria-label="Variables used">
            {variables.map((name) => {
              const secret = secretNames.has(name);
              const known = secret || name in WEBHOOK_SAMPLE_VALUES || name in customValues;
              const note = secret ? 'secret: its value is not shown' : known ? null : 'unknown: sent as written';
              return (
                <li key={name} className={`chip${known ? '' : ' int-chip--unknown'}`} title={note ?? undefined}>
                  ${name}
                  {note && <span className="int-chip__note"> ({note})</span>}
                </li>
              );
            })}
          </ul>
        )}
      </div>
    </section>
  );
}
