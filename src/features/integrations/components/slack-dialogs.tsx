import { useId } from 'react';
import { slackHandle, type SlackChannel } from '../../../contract/integrations';
import { FieldNotes, TextField } from '../../../components/ui/form-field';
import { useAddSlackAccount } from '../api/use-add-slack-account';
import { useAddSlackChannel } from '../api/use-add-slack-channel';
import { useUpdateSlackChannel } from '../api/use-update-slack-channel';
import { useFormDialog } from '../hooks/use-form-dialog';
import { channelDraft, SLACK_DISPLAY_OPTIONS, validateChannelChange, validateNewChannel, validateSlackAccount } from '../utils/slack-form';
import { createOrUpdate } from '../utils/validation';
import { FormDialog } from './form-dialog';

/** Add a Slack account (workspace) by the name Datadog's Slack integration knows it by. */
export function AddSlackAccountDialog({ onClose }: { onClose: () => void }) {
  const id = useId();
  const add = useAddSlackAccount();
  const form = useFormDialog({
    initial: { name: '' },
    validate: validateSlackAccount,
    mutation: add,
    save: (body, done) => add.mutate(body, done),
    onClose,
  });
  return (
    <FormDialog
      title="Add a Slack account"
      submitLabel="Add account"
      pendingLabel="Adding…"
      errorPrefix="The Slack account was not added"
      fields={['name']}
      {...form.dialog}
    >
      <TextField
        id={`${id}-name`}
        label="Account name"
        value={form.draft.name}
        onChange={(v) => form.set('name', v)}
        onBlur={() => form.blur('name')}
        error={form.errors.name}
        hint="The workspace name, as set up in Datadog's Slack integration."
        required
        mono
        maxLength={120}
      />
    </FormDialog>
  );
}

interface ChannelDialogProps {
  account: string;
  /** How many accounts there are: with more than one, handles name the account. */
  accountCount: number;
  /** The channel to edit; none to add one. */
  channel?: SlackChannel;
  onClose: () => void;
}

/** Add a channel to an account, or change what a channel's notifications show. */
export function SlackChannelDialog({ account, accountCount, channel, onClose }: ChannelDialogProps) {
  const id = useId();
  const add = useAddSlackChannel();
  const update = useUpdateSlackChannel();
  const validate = createOrUpdate(channel, validateNewChannel, validateChannelChange, (body) => Object.keys(body.display ?? {}).length === 0);
  const form = useFormDialog({
    initial: () => channelDraft(channel),
    validate,
    mutation: channel ? update : add,
    save: (change, done) => {
      if (change.kind === 'create') add.mutate({ account, body: change.body }, done);
      else if (change.kind === 'update' && channel) update.mutate({ account, channel: channel.name, body: change.body }, done);
      else done.onSuccess(); // nothing changed
    },
    onClose,
  });
  const { draft, set, errors } = form;
  const handle = channel?.handle ?? (draft.name.trim() ? slackHandle(account, draft.name.trim(), Math.max(accountCount, 1)) : null);
  const displayError = errors.display ?? Object.entries(errors).find(([k]) => k.startsWith('display.'))?.[1] ?? null;

  return (
    <FormDialog
      title={channel ? `Edit ${channel.name} in ${account}` : `Add a channel to ${account}`}
      submitLabel={channel ? 'Save changes' : 'Add channel'}
      pendingLabel={channel ? 'Saving…' : 'Adding…'}
      errorPrefix={channel ? `${channel.name} was not saved` : 'The channel was not added'}
      fields={['name', 'display']}
      {...form.dialog}
    >
      <TextField
        id={`${id}-name`}
        label="Channel name"
        value={draft.name}
        onChange={(v) => set('name', v)}
        onBlur={() => form.blur('name')}
        error={errors.name}
        hint={
          channel ? (
            'A channel is known by its name; add it again to use another.'
          ) : (
            <>
              Lower-case letters, digits, - or _, with or without the #.
              {handle && (
                <>
                  {' '}
                  Monitors notify it with <code>{handle}</code>.
                </>
              )}
            </>
          )
        }
        required
        mono
        readOnly={Boolean(channel)}
        maxLength={90}
      />
      <fieldset className="field" aria-describedby={displayError ? `${id}-display-error` : undefined}>
        <legend className="field__label">What each notification shows</legend>
        <ul className="int-checks">
          {SLACK_DISPLAY_OPTIONS.map(({ key, label, hint }) => (
            <li key={key}>
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={draft.display[key]}
                  onChange={(e) => set('display', { ...draft.display, [key]: e.target.checked })}
                  aria-describedby={`${id}-${key}-hint`}
                />
                {label}
              </label>
              <span className="field__hint int-checks__hint" id={`${id}-${key}-hint`}>
                {hint}
              </span>
            </li>
          ))}
        </ul>
        <FieldNotes id={`${id}-display`} error={displayError} />
      </fieldset>
    </FormDialog>
  );
}
