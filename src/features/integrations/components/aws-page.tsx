import { useSuspenseQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { AwsAccount, AwsCreateResponse } from '../../../contract/integrations';
import { TagChips } from '../../../components/ui/tag-chips';
import { integrationQueries } from '../api/integration-queries';
import { useDeleteAwsAccount } from '../api/use-delete-aws-account';
import { namespaceSummary } from '../utils/aws-form';
import { AwsAccountDialog } from './aws-account-dialog';
import { AwsTrustPolicy } from './aws-trust-policy';
import { EmptyCard, IntegrationPage, IntegrationTable, ItemActions } from './integration-page';
import { RemoveDialog } from './remove-dialog';

type Dialog = { kind: 'add' } | { kind: 'edit'; account: AwsAccount } | { kind: 'remove'; account: AwsAccount };

function RemoveAwsDialog({ account, onClose }: { account: AwsAccount; onClose: () => void }) {
  const remove = useDeleteAwsAccount();
  return (
    <RemoveDialog
      title={`Remove AWS account ${account.accountId}?`}
      confirmLabel={`Remove ${account.accountId}`}
      what={
        <>
          Datadog stops collecting metrics, tags and events from AWS account <code>{account.accountId}</code> (role <code>{account.roleName}</code>).
        </>
      }
      consequence="AWS adds no @-handles, so no monitor message changes; monitors on its metrics will report No Data."
      errorPrefix={`AWS account ${account.accountId} was not removed`}
      remove={remove}
      variables={{ accountId: account.accountId, roleName: account.roleName }}
      onClose={onClose}
    />
  );
}

/** /integrations/aws (admins): the AWS accounts Datadog collects from; add, edit, remove; the trust policy after an add. */
export function AwsPage() {
  const { data, isFetching } = useSuspenseQuery(integrationQueries.aws());
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [created, setCreated] = useState<AwsCreateResponse | null>(null);
  const close = () => setDialog(null);

  return (
    <IntegrationPage
      title="AWS"
      summary="Datadog collects metrics, tags and events from these AWS accounts by assuming an IAM role in each."
      lastChange={data.lastChange}
      refreshing={isFetching}
      action={{ label: 'Add AWS account', onClick: () => setDialog({ kind: 'add' }) }}
    >
      {created && <AwsTrustPolicy created={created} onDone={() => setCreated(null)} />}

      {data.accounts.length === 0 ? (
        <EmptyCard title="No AWS accounts yet">Add an account, then create the IAM role it names with the trust policy shown.</EmptyCard>
      ) : (
        <IntegrationTable label="AWS accounts" columns={['Account ID', 'Role name', 'Filter tags', 'Host tags', 'Namespaces']}>
          {data.accounts.map((account) => (
            <tr key={`${account.accountId}/${account.roleName}`}>
              <th scope="row">
                <code>{account.accountId}</code>
              </th>
              <td>
                <code>{account.roleName}</code>
              </td>
              <td>
                {account.filterTags.length > 0 ? <TagChips tags={account.filterTags} label={`Filter tags of ${account.accountId}`} /> : <span className="muted-text">All hosts</span>}
              </td>
              <td>
                {account.hostTags.length > 0 ? <TagChips tags={account.hostTags} label={`Host tags of ${account.accountId}`} /> : <span className="muted-text">None</span>}
              </td>
              <td className="int-table__namespaces">{namespaceSummary(account.namespaceRules)}</td>
              <td className="cell-actions">
                <ItemActions name={account.accountId} onEdit={() => setDialog({ kind: 'edit', account })} onRemove={() => setDialog({ kind: 'remove', account })} />
              </td>
            </tr>
          ))}
        </IntegrationTable>
      )}

      {dialog?.kind === 'add' && <AwsAccountDialog onClose={close} onCreated={setCreated} />}
      {dialog?.kind === 'edit' && <AwsAccountDialog account={dialog.account} onClose={close} />}
      {dialog?.kind === 'remove' && <RemoveAwsDialog account={dialog.account} onClose={close} />}
    </IntegrationPage>
  );
}
