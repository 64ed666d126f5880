import { useId } from 'react';
import { webhookHandle, type CustomVariable, type Webhook } from '../../../contract/integrations';
import { DEFAULT_WEBHOOK_PAYLOAD } from '../../../contract/webhook-template';
import { fieldAria, FieldNotes, TextField } from '../../../components/ui/form-field';
import { errorsUnder } from '../../../lib/field-errors';
import { useCreateWebhook } from '../api/use-create-webhook';
import { useUpdateWebhook } from '../api/use-update-webhook';
import { useFormDialog } from '../hooks/use-form-dialog';
import { createOrUpdate } from '../utils/validation';
import { validateNewWebhook, validateWebhookChange, WEBHOOK_FIELDS, webhookDraft, type Encoding } from '../utils/webhook-form';
import { FormDialog } from './form-dialog';
import { HeaderRows } from './header-rows';
import { PayloadPreview } from './payload-preview';

interface WebhookDialogProps {
  /** The webhook to edit; none to create one. */
  webhook?: Webhook;
  customVariables: readonly CustomVariable[];
  onClose: () => void;
}

const ENCODINGS: readonly { value: Encoding; label: string }[] = [
  { value: 'json', label: 'JSON' },
  { value: 'form', label: 'Form' },
];

/** Create or edit a webhook: name, URL, encoding, headers, and a payload template with a live preview. */
export function WebhookDialog({ webhook, customVariables, onClose }: WebhookDialogProps) {
  const id = useId();
  const create = useCreateWebhook();
  const update = useUpdateWebhook();
  const validate = createOrUpdate(webhook, validateNewWebhook, validateWebhookChange);
  const form = useFormDialog({
    initial: () => webhookDraft(webhook),
    validate,
    mutation: webhook ? update : create,
    save: (change, done) => {
      if (change.kind === 'create') create.mutate(change.body, done);
      else if (change.kind === 'update' && webhook) update.mutate({ name: webhook.name, body: change.body }, done);
      else done.onSuccess(); // nothing changed
    },
    onClose,
  });
  const { draft, set, blur, errors } = form;
  const name = draft.name.trim();

  return (
    <FormDialog
      title={webhook ? `Edit webhook ${webhook.name}` : 'New webhook'}
      submitLabel={webhook ? 'Save changes' : 'Create webhook'}
      pendingLabel={webhook ? 'Saving…' : 'Creating…'}
      errorPrefix={webhook ? `Webhook ${webhook.name} was not saved` : 'The webhook was not created'}
      fields={WEBHOOK_FIELDS}
      size="lg"
      {...form.dialog}
    >
      <div className="int-form-grid">
        <TextField
          id={`${id}-name`}
          label="Name"
          value={draft.name}
          onChange={(v) => set('name', v)}
          onBlur={() => blur('name')}
          error={errors.name}
          hint={
            webhook ? (
              <>
                Monitors notify it with <code>{webhook.handle}</code>.
              </>
            ) : (
              <>
                Letters, digits, _ or -.
                {name && (
                  <>
                    {' '}
                    Monitors notify it with <code>{webhookHandle(name)}</code>.
                  </>
                )}
              </>
            )
          }
          required
          mono
          readOnly={Boolean(webhook)}
          maxLength={110}
        />
        <fieldset className="field" aria-describedby={errors.encodeAs ? `${id}-enc-error` : undefined}>
          <legend className="field__label">Encode as</legend>
          <div className="segmented">
            {ENCODINGS.map(({ value, label }) => (
              <label key={value} className={`segmented__option${draft.encodeAs === value ? ' is-checked' : ''}`}>
                <input type="radio" name={`${id}-encoding`} value={value} checked={draft.encodeAs === value} onChange={() => set('encodeAs', value)} />
                {label}
              </label>
            ))}
          </div>
          <FieldNotes id={`${id}-enc`} error={errors.encodeAs} />
        </fieldset>
      </div>
      <TextField
        id={`${id}-url`}
        label="URL"
        type="url"
        inputMode="url"
        value={draft.url}
        onChange={(v) => set('url', v)}
        onBlur={() => blur('url')}
        error={errors.url}
        hint="The full http:// or https:// address Datadog posts to."
        placeholder="https://hooks.example.com/alerts"
        required
        mono
        maxLength={2000}
      />
      <HeaderRows rows={draft.customHeaders} onChange={(rows) => set('customHeaders', rows)} onBlur={() => blur('customHeaders')} errors={errorsUnder(errors, 'customHeaders')} />
      <div className="field">
        <div className="int-label-row">
          <label className="field__label" htmlFor={`${id}-payload`}>
            Payload
          </label>
          {draft.payload.trim() === '' && (
            <button type="button" className="btn btn--sm btn--link" onClick={() => set('payload', DEFAULT_WEBHOOK_PAYLOAD)}>
              Start from the default payload
            </button>
          )}
        </div>
        <textarea
          id={`${id}-payload`}
          className="input input--mono"
          rows={8}
          spellCheck={false}
          value={draft.payload}
          onChange={(e) => set('payload', e.target.value)}
          onBlur={() => blur('payload')}
          {...fieldAria(`${id}-payload`, { hint: true, error: errors.payload })}
        />
        <FieldNotes
          id={`${id}-payload`}
          hint="A template: $VARIABLES such as $EVENT_TITLE are filled in for each alert. Empty sends Datadog's default payload."
          error={errors.payload}
        />
      </div>
      <PayloadPreview template={draft.payload} encodeAs={draft.encodeAs} customVariables={customVariables} />
    </FormDialog>
  );
}
