import { useSuspenseQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { SlackAccount, SlackChannel } from '../../../contract/integrations';
import { plural } from '../../../lib/format-time';
import { integrationQueries } from '../api/integration-queries';
import { useDeleteSlackChannel } from '../api/use-delete-slack-channel';
import { useRemoveSlackAccount } from '../api/use-remove-slack-account';
import { displaySummary } from '../utils/slack-form';
import { HandleWithCopy } from './handle-list';
import { EmptyCard, IntegrationPage, IntegrationTable, ItemActions } from './integration-page';
import { RemoveDialog } from './remove-dialog';
import { AddSlackAccountDialog, SlackChannelDialog } from './slack-dialogs';

type Dialog =
  | { kind: 'add-account' }
  | { kind: 'add-channel'; account: string }
  | { kind: 'edit-channel'; account: string; channel: SlackChannel }
  | { kind: 'remove-channel'; account: string; channel: SlackChannel }
  | { kind: 'remove-account'; account: SlackAccount };

function RemoveChannelDialog({ account, channel, onClose }: { account: string; channel: SlackChannel; onClose: () => void }) {
  const remove = useDeleteSlackChannel();
  return (
    <RemoveDialog
      title={`Remove ${channel.name} from ${account}?`}
      confirmLabel={`Remove ${channel.name}`}
      what={
        <>
          Datadog stops posting monitor notifications to <strong>{channel.name}</strong> in the Slack account <strong>{account}</strong>.
        </>
      }
      handle={channel.handle}
      errorPrefix={`${channel.name} was not removed`}
      remove={remove}
      variables={{ account, channel: channel.name }}
      onClose={onClose}
    />
  );
}

function RemoveAccountDialog({ account, onClose }: { account: SlackAccount; onClose: () => void }) {
  const remove = useRemoveSlackAccount();
  return (
    <RemoveDialog
      title={`Take ${account.name} off the list?`}
      confirmLabel={`Take ${account.name} off`}
      what={
        <>
          watchdeck stops showing the Slack account <strong>{account.name}</strong>. Nothing changes in Datadog or in Slack.
        </>
      }
      consequence={
        account.error
          ? 'Datadog no longer knows this account, so nothing posts through it.'
          : 'It has no channels, so no @-handle stops working. The workspace stays connected in Datadog: add it again at any time.'
      }
      errorPrefix={`${account.name} is still on the list`}
      remove={remove}
      variables={{ account: account.name }}
      onClose={onClose}
    />
  );
}

/** Only an account added here, with no channel left, can go: Datadog's own come back, and a channel would post unseen. */
const canTakeOff = (account: SlackAccount) => account.listedBy === 'watchdeck' && account.channels.length === 0;

interface AccountSectionProps {
  account: SlackAccount;
  onAddChannel: () => void;
  onEdit: (channel: SlackChannel) => void;
  onRemove: (channel: SlackChannel) => void;
  onTakeOff: () => void;
}

function AccountSection({ account, onAddChannel, onEdit, onRemove, onTakeOff }: AccountSectionProps) {
  const id = useId();
  return (
    <section className="card int-section" aria-labelledby={id}>
      <div className="card__head">
        <div className="int-section__title">
          <h2 id={id}>{account.name}</h2>
          <span className="muted-text">{plural(account.channels.length, 'channel')}</span>
        </div>
        <div className="int-section__actions">
          <button type="button" className="btn btn--sm" aria-label={`Add channel to ${account.name}`} onClick={onAddChannel}>
            Add channel
          </button>
          {canTakeOff(account) && (
            <button type="button" className="btn btn--sm btn--danger-outline" aria-label={`Take ${account.name} off the list…`} onClick={onTakeOff}>
              Take off the list…
            </button>
          )}
        </div>
      </div>
      {account.error && (
        <p className="notice notice--warn int-section__note">
          Datadog could not list the channels of {account.name}:{' '}
          {canTakeOff(account)
            ? `${account.error.replace(/\.\s*$/, '')}. If its workspace was disconnected in Datadog, take it off the list.`
            : account.error}
        </p>
      )}
      {account.channels.length === 0 ? (
        <p className="card__empty muted-text">No channels in {account.name} yet.</p>
      ) : (
        <IntegrationTable label={`Channels in ${account.name}`} columns={['Channel', 'Notifications show', '@-handle']}>
          {account.channels.map((channel) => (
            <tr key={channel.name}>
              <th scope="row">{channel.name}</th>
              <td>{displaySummary(channel.display)}</td>
              <td>
                <HandleWithCopy handle={channel.handle} />
              </td>
              <td className="cell-actions">
                <ItemActions name={channel.name} onEdit={() => onEdit(channel)} onRemove={() => onRemove(channel)} />
              </td>
            </tr>
          ))}
        </IntegrationTable>
      )}
    </section>
  );
}

/** /integrations/slack (admins): Slack accounts and their channels, with what notifications show and each @-handle. */
export function SlackPage() {
  const { data, isFetching } = useSuspenseQuery(integrationQueries.slack());
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const close = () => setDialog(null);
  const accountCount = data.accounts.length;

  return (
    <IntegrationPage
      title="Slack"
      summary="Monitors post to these Slack channels when their message mentions the channel's @-handle."
      lastChange={data.lastChange}
      refreshing={isFetching}
      action={{ label: 'Add Slack account', onClick: () => setDialog({ kind: 'add-account' }) }}
    >
      {data.accounts.length === 0 ? (
        <EmptyCard title="No Slack accounts yet">Add the workspace set up in Datadog&rsquo;s Slack integration, then its channels.</EmptyCard>
      ) : (
        data.accounts.map((account) => (
          <AccountSection
            key={account.name}
            account={account}
            onAddChannel={() => setDialog({ kind: 'add-channel', account: account.name })}
            onEdit={(channel) => setDialog({ kind: 'edit-channel', account: account.name, channel })}
            onRemove={(channel) => setDialog({ kind: 'remove-channel', account: account.name, channel })}
            onTakeOff={() => setDialog({ kind: 'remove-account', account })}
          />
        ))
      )}

      {dialog?.kind === 'add-account' && <AddSlackAccountDialog onClose={close} />}
      {dialog?.kind === 'add-channel' && <SlackChannelDialog account={dialog.account} accountCount={accountCount} onClose={close} />}
      {dialog?.kind === 'edit-channel' && (
        <SlackChannelDialog account={dialog.account} accountCount={accountCount} channel={dialog.channel} onClose={close} />
      )}
      {dialog?.kind === 'remove-channel' && <RemoveChannelDialog account={dialog.account} channel={dialog.channel} onClose={close} />}
      {dialog?.kind === 'remove-account' && <RemoveAccountDialog account={dialog.account} onClose={close} />}
    </IntegrationPage>
  );
}
