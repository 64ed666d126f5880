import { useId, useRef } from 'react';
import { AWS_NAMESPACES, type AwsAccount, type AwsCreateResponse } from '../../../contract/integrations';
import { ChipInput } from '../../../components/ui/chip-input';
import { FieldNotes, TextField } from '../../../components/ui/form-field';
import { errorsUnder } from '../../../lib/field-errors';
import { useCreateAwsAccount } from '../api/use-create-aws-account';
import { useUpdateAwsAccount } from '../api/use-update-aws-account';
import { useFormDialog } from '../hooks/use-form-dialog';
import { AWS_FIELDS, awsDraft, isCollected, tagError, validateAws } from '../utils/aws-form';
import { FormDialog } from './form-dialog';

interface AwsAccountDialogProps {
  /** The account to edit; none to add one. */
  account?: AwsAccount;
  onClose: () => void;
  /** After an add: the account and the external id its trust policy needs. */
  onCreated?: (created: AwsCreateResponse) => void;
}

/** Add or edit an AWS account: ids, tag lists as chips, and the namespaces to collect as switches. */
export function AwsAccountDialog({ account, onClose, onCreated }: AwsAccountDialogProps) {
  const id = useId();
  const create = useCreateAwsAccount();
  const update = useUpdateAwsAccount();
  // Tag text typed but refused (it stays in its box with its error) holds the send back.
  const pendingTags = useRef({ filterTags: '', hostTags: '' });
  const form = useFormDialog({
    initial: () => awsDraft(account),
    validate: (d) => validateAws(d, account),
    mutation: account ? update : create,
    conflictField: 'accountId',
    save: (body, done) => {
      if (pendingTags.current.filterTags.trim() || pendingTags.current.hostTags.trim()) done.onError();
      else if (account) update.mutate({ accountId: account.accountId, roleName: account.roleName, body }, done);
      else {
        create.mutate(body, {
          onSuccess: (created) => {
            done.onSuccess();
            onCreated?.(created);
          },
          onError: done.onError,
        });
      }
    },
    onClose,
  });
  const { draft, set, blur, errors } = form;
  const namespaceError = Object.values(errorsUnder(errors, 'namespaceRules'))[0] ?? null;

  return (
    <FormDialog
      title={account ? `Edit AWS account ${account.accountId}` : 'Add an AWS account'}
      submitLabel={account ? 'Save changes' : 'Add account'}
      pendingLabel={account ? 'Saving…' : 'Adding…'}
      errorPrefix={account ? `AWS account ${account.accountId} was not saved` : 'The AWS account was not added'}
      fields={AWS_FIELDS}
      size="lg"
      {...form.dialog}
    >
      <div className="int-form-grid">
        <TextField
          id={`${id}-account`}
          label="Account ID"
          value={draft.accountId}
          onChange={(v) => set('accountId', v)}
          onBlur={() => blur('accountId')}
          error={errors.accountId}
          hint={account ? 'An account is known by its id; add it again to use another.' : 'The 12-digit id of the AWS account.'}
          required
          mono
          inputMode="numeric"
          readOnly={Boolean(account)}
          maxLength={20}
        />
        <TextField
          id={`${id}-role`}
          label="Role name"
          value={draft.roleName}
          onChange={(v) => set('roleName', v)}
          onBlur={() => blur('roleName')}
          error={errors.roleName}
          hint="The IAM role Datadog assumes in that account, e.g. DatadogIntegrationRole."
          required
          mono
          maxLength={80}
        />
      </div>
      <ChipInput
        id={`${id}-filter-tags`}
        label="Filter tags"
        optional
        value={draft.filterTags}
        onChange={(v) => set('filterTags', v)}
        onBlur={() => blur('filterTags')}
        onPendingChange={(text) => (pendingTags.current.filterTags = text)}
        validate={tagError}
        error={errors.filterTags}
        placeholder="env:prod"
        hint="Only EC2 hosts with one of these tags are collected. Enter or comma adds one."
      />
      <ChipInput
        id={`${id}-host-tags`}
        label="Host tags"
        optional
        value={draft.hostTags}
        onChange={(v) => set('hostTags', v)}
        onBlur={() => blur('hostTags')}
        onPendingChange={(text) => (pendingTags.current.hostTags = text)}
        validate={tagError}
        error={errors.hostTags}
        placeholder="account:prod"
        hint="Added to every host and metric from this account."
      />
      <fieldset className="field int-switches" aria-describedby={`${id}-ns-hint${namespaceError ? ` ${id}-ns-error` : ''}`}>
        <legend className="field__label">Namespaces</legend>
        <p className="field__hint" id={`${id}-ns-hint`}>
          Datadog collects metrics from the namespaces switched on.
        </p>
        <ul className="int-switches__list">
          {AWS_NAMESPACES.map((ns) => {
            const on = isCollected(draft.namespaceRules, ns);
            return (
              <li key={ns}>
                <label className="switch">
                  <input
                    type="checkbox"
                    role="switch"
                    checked={on}
                    onChange={(e) => set('namespaceRules', { ...draft.namespaceRules, [ns]: e.target.checked })}
                  />
                  <span className="switch__track" aria-hidden="true" />
                  <code>{ns}</code>
                </label>
              </li>
            );
          })}
        </ul>
        <FieldNotes id={`${id}-ns`} error={namespaceError} />
      </fieldset>
    </FormDialog>
  );
}
