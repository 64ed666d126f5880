import { useId } from 'react';
import { pagerDutyHandle, type PagerDutyService } from '../../../contract/integrations';
import { SecretField } from '../../../components/ui/secret-field';
import { useCreatePagerDutyService } from '../api/use-create-pagerduty-service';
import { useUpdatePagerDutyService } from '../api/use-update-pagerduty-service';
import { useDraftForm } from '../hooks/use-draft-form';
import { serverErrors } from '../utils/form-errors';
import { validateKeyChange, validateNewService, type KeyDraft } from '../utils/pagerduty-form';
import { FormDialog } from './form-dialog';
import { TextField } from './form-field';

/** A new PagerDuty service: its name (the @-handle) and its integration key, which is never shown again. */
export function AddPagerDutyServiceDialog({ onClose }: { onClose: () => void }) {
  const id = useId();
  const create = useCreatePagerDutyService();
  const form = useDraftForm({ initial: { name: '', serviceKey: '' }, validate: validateNewService, serverErrors: serverErrors(create.error, 'name') });
  const { draft, set, errors } = form;
  const name = draft.name.trim();
  return (
    <FormDialog
      title="Add a PagerDuty service"
      submitLabel="Add service"
      pendingLabel="Adding…"
      pending={create.isPending}
      error={create.error}
      errorPrefix="The PagerDuty service was not added"
      fields={['name', 'serviceKey']}
      onClose={onClose}
      formRef={form.formRef}
      onSubmit={() => {
        const body = form.submit();
        if (body) create.mutate(body, { onSuccess: onClose, onError: form.focusInvalid });
      }}
    >
      <TextField
        id={`${id}-name`}
        label="Service name"
        value={draft.name}
        onChange={(v) => set('name', v)}
        onBlur={() => form.blur('name')}
        error={errors.name}
        hint={
          <>
            Letters, digits, . _ or -.
            {name && (
              <>
                {' '}
                Monitors page it with <code>{pagerDutyHandle(name)}</code>.
              </>
            )}
          </>
        }
        required
        mono
        maxLength={110}
      />
      <SecretField
        id={`${id}-key`}
        label="Service key"
        mask={null}
        value={draft.serviceKey}
        onChange={(v) => set('serviceKey', v ?? '')}
        error={errors.serviceKey}
        required
        help="The integration key from the service's Datadog integration in PagerDuty. It is stored write-only: afterwards only its last 4 characters show."
      />
    </FormDialog>
  );
}

/** Rotate a service's key: a new key is sent; Keep current sends nothing. */
export function ReplaceKeyDialog({ service, onClose }: { service: PagerDutyService; onClose: () => void }) {
  const id = useId();
  const update = useUpdatePagerDutyService();
  const form = useDraftForm({
    initial: (): KeyDraft => ({ serviceKey: '' }),
    validate: validateKeyChange,
    serverErrors: serverErrors(update.error),
  });
  return (
    <FormDialog
      title={`Replace the key of ${service.name}`}
      submitLabel="Save key"
      pendingLabel="Saving…"
      pending={update.isPending}
      error={update.error}
      errorPrefix={`The key of ${service.name} was not replaced`}
      fields={['serviceKey']}
      onClose={onClose}
      formRef={form.formRef}
      onSubmit={() => {
        const change = form.submit();
        if (!change) return;
        if (change.kind === 'keep') onClose(); // nothing to send
        else update.mutate({ name: service.name, body: change.body }, { onSuccess: onClose, onError: form.focusInvalid });
      }}
    >
      <SecretField
        id={`${id}-key`}
        label="Service key"
        mask={service.serviceKey ?? '******'}
        value={form.draft.serviceKey}
        onChange={(v) => form.set('serviceKey', v)}
        error={form.errors.serviceKey}
        help={`${service.handle} keeps working; pages go out with the new key from the moment it is saved.`}
      />
    </FormDialog>
  );
}
