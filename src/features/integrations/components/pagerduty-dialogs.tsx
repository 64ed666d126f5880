import { useId } from 'react';
import { pagerDutyHandle, type PagerDutyService } from '../../../contract/integrations';
import { TextField } from '../../../components/ui/form-field';
import { SecretField } from '../../../components/ui/secret-field';
import { useCreatePagerDutyService } from '../api/use-create-pagerduty-service';
import { useUpdatePagerDutyService } from '../api/use-update-pagerduty-service';
import { useFormDialog } from '../hooks/use-form-dialog';
import { validateKeyChange, validateNewService, type KeyDraft } from '../utils/pagerduty-form';
import { FormDialog } from './form-dialog';

/** A new PagerDuty service: its name (the @-handle) and its integration key, which is never shown again. */
export function AddPagerDutyServiceDialog({ onClose }: { onClose: () => void }) {
  const id = useId();
  const create = useCreatePagerDutyService();
  const form = useFormDialog({
    initial: { name: '', serviceKey: '' },
    validate: validateNewService,
    mutation: create,
    save: (body, done) => create.mutate(body, done),
    onClose,
  });
  const { draft, set, errors } = form;
  const name = draft.name.trim();
  return (
    <FormDialog
      title="Add a PagerDuty service"
      submitLabel="Add service"
      pendingLabel="Adding…"
      errorPrefix="The PagerDuty service was not added"
      fields={['name', 'serviceKey']}
      {...form.dialog}
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
  const form = useFormDialog({
    initial: (): KeyDraft => ({ serviceKey: '' }),
    validate: validateKeyChange,
    mutation: update,
    save: (change, done) => (change.kind === 'keep' ? done.onSuccess() : update.mutate({ name: service.name, body: change.body }, done)),
    onClose,
  });
  return (
    <FormDialog
      title={`Replace the key of ${service.name}`}
      submitLabel="Save key"
      pendingLabel="Saving…"
      errorPrefix={`The key of ${service.name} was not replaced`}
      fields={['serviceKey']}
      {...form.dialog}
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
