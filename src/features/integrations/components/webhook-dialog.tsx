import { useId } from 'react';
import { webhookHandle, type CustomVariable, type Webhook, type WebhookInput, type WebhookUpdate } from '../../../contract/integrations';
import { DEFAULT_WEBHOOK_PAYLOAD } from '../../../contract/webhook-template';
import { useCreateWebhook } from '../api/use-create-webhook';
import { useUpdateWebhook } from '../api/use-update-webhook';
import { useDraftForm, type Validation } from '../hooks/use-draft-form';
import { errorsUnder, serverErrors } from '../utils/form-errors';
import { validateNewWebhook, validateWebhookChange, WEBHOOK_FIELDS, webhookDraft, type Encoding } from '../utils/webhook-form';
import { FormDialog } from './form-dialog';
import { fieldAria, FieldNotes, TextField } from './form-field';
import { HeaderRows } from './header-rows';
import { PayloadPreview } from './payload-preview';

type Change = { kind: 'create'; body: WebhookInput } | { kind: 'update'; body: WebhookUpdate };

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
  const mutation = webhook ? update : create;
  const form = useDraftForm({
    initial: () => webhookDraft(webhook),
    validate: (d): Validation<Change> => {
      if (webhook) {
        const v = validateWebhookChange(d, webhook);
        return v.ok ? { ok: true, data: { kind: 'update', body: v.data } } : v;
      }
      const v = validateNewWebhook(d);
      return v.ok ? { ok: true, data: { kind: 'create', body: v.data } } : v;
    },
    serverErrors: serverErrors(mutation.error, 'name'),
  });
  const { draft, set, blur, errors } = form;
  const name = draft.name.trim();

  const onSubmit = () => {
    const change = form.submit();
    if (!change) return;
    if (change.kind === 'create') {
      create.mutate(change.body, { onSuccess: onClose, onError: form.focusInvalid });
    } else if (webhook && Object.keys(change.body).length > 0) {
      update.mutate({ name: webhook.name, body: change.body }, { onSuccess: onClose, onError: form.focusInvalid });
    } else {
      onClose(); // nothing changed
    }
  };

  return (
    <FormDialog
      title={webhook ? `Edit webhook ${webhook.name}` : 'New webhook'}
      submitLabel={webhook ? 'Save changes' : 'Create webhook'}
      pendingLabel={webhook ? 'Saving…' : 'Creating…'}
      pending={mutation.isPending}
      error={mutation.error}
      errorPrefix={webhook ? `Webhook ${webhook.name} was not saved` : 'The webhook was not created'}
      fields={WEBHOOK_FIELDS}
      onClose={onClose}
      formRef={form.formRef}
      size="lg"
      onSubmit={onSubmit}
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
