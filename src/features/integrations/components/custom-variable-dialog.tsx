import { useId } from 'react';
import type { CustomVariable } from '../../../contract/integrations';
import { TextField } from '../../../components/ui/form-field';
import { SecretField } from '../../../components/ui/secret-field';
import { useCreateCustomVariable } from '../api/use-create-custom-variable';
import { useUpdateCustomVariable } from '../api/use-update-custom-variable';
import { useFormDialog } from '../hooks/use-form-dialog';
import { createOrUpdate } from '../utils/validation';
import { validateNewVariable, validateVariableChange, variableDraft } from '../utils/webhook-form';
import { FormDialog } from './form-dialog';

/**
 * Add or edit a custom variable ($NAME in payloads, URLs and headers). A secret
 * one is write-only: its value reads back masked, and an edit keeps it unless replaced.
 */
export function CustomVariableDialog({ variable, onClose }: { variable?: CustomVariable; onClose: () => void }) {
  const id = useId();
  const create = useCreateCustomVariable();
  const update = useUpdateCustomVariable();
  const validate = createOrUpdate(variable, validateNewVariable, validateVariableChange);
  const form = useFormDialog({
    initial: () => variableDraft(variable),
    validate,
    mutation: variable ? update : create,
    save: (change, done) => {
      if (change.kind === 'create') create.mutate(change.body, done);
      else if (change.kind === 'update' && variable) update.mutate({ name: variable.name, body: change.body }, done);
      else done.onSuccess(); // nothing changed
    },
    onClose,
  });
  const { draft, set, errors } = form;
  // A stored secret is kept until replaced; a value typed in is new either way.
  const storedSecret = variable?.isSecret ? (variable.value ?? '******') : null;

  return (
    <FormDialog
      title={variable ? `Edit variable ${variable.name}` : 'New custom variable'}
      submitLabel={variable ? 'Save changes' : 'Add variable'}
      pendingLabel={variable ? 'Saving…' : 'Adding…'}
      errorPrefix={variable ? `Variable ${variable.name} was not saved` : 'The variable was not added'}
      fields={['name', 'value', 'isSecret']}
      {...form.dialog}
    >
      <TextField
        id={`${id}-name`}
        label="Variable name"
        value={draft.name}
        onChange={(v) => set('name', v)}
        onBlur={() => form.blur('name')}
        error={errors.name}
        hint={
          <>
            Upper-case letters, digits and _, e.g. API_TOKEN. Payloads use it as <code>${draft.name.trim() || 'NAME'}</code>.
          </>
        }
        required
        mono
        readOnly={Boolean(variable)}
        maxLength={110}
      />
      <label className="checkbox">
        <input type="checkbox" checked={draft.isSecret} onChange={(e) => set('isSecret', e.target.checked)} aria-describedby={`${id}-secret-hint`} />
        Secret
      </label>
      <p className="field__hint" id={`${id}-secret-hint`}>
        A secret value is write-only: it reads back masked and never shows in a preview.
      </p>
      {draft.isSecret || storedSecret ? (
        <SecretField
          id={`${id}-value`}
          label="Value"
          mask={storedSecret}
          value={draft.value}
          onChange={(v) => set('value', v)}
          error={errors.value}
          required
        />
      ) : (
        <TextField
          id={`${id}-value`}
          label="Value"
          value={draft.value ?? ''}
          onChange={(v) => set('value', v)}
          onBlur={() => form.blur('value')}
          error={errors.value}
          required
          mono
          maxLength={5000}
        />
      )}
    </FormDialog>
  );
}
