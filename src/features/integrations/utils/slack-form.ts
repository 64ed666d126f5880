import {
  SlackAccountInputSchema,
  SlackChannelInputSchema,
  SlackChannelUpdateSchema,
  type SlackAccountInput,
  type SlackChannel,
  type SlackChannelInput,
  type SlackChannelUpdate,
  type SlackDisplay,
} from '../../../contract/integrations';
import { fromSchema, type Validation } from './validation';

export const SLACK_DISPLAY_OPTIONS: readonly { key: keyof SlackDisplay; label: string; hint: string }[] = [
  { key: 'message', label: 'Message', hint: "the monitor's message" },
  { key: 'notified', label: 'Notified', hint: 'who else was notified' },
  { key: 'snapshot', label: 'Snapshot', hint: 'a graph of the metric' },
  { key: 'tags', label: 'Tags', hint: 'the tags that triggered it' },
  { key: 'muteButtons', label: 'Mute buttons', hint: 'buttons to mute the monitor from Slack' },
];

export const DEFAULT_DISPLAY: SlackDisplay = { message: true, notified: true, snapshot: true, tags: true, muteButtons: false };

export interface SlackChannelDraft {
  name: string;
  display: SlackDisplay;
}

export function channelDraft(channel?: SlackChannel): SlackChannelDraft {
  if (!channel) return { name: '', display: { ...DEFAULT_DISPLAY } };
  const d = channel.display;
  return { name: channel.name, display: { message: d.message, notified: d.notified, snapshot: d.snapshot, tags: d.tags, muteButtons: d.muteButtons } };
}

export function validateNewChannel(draft: SlackChannelDraft): Validation<SlackChannelInput> {
  const parsed = SlackChannelInputSchema.safeParse(draft);
  return fromSchema(parsed);
}

/** An edit sends only the display options that changed (PATCH). */
export function validateChannelChange(draft: SlackChannelDraft, stored: SlackChannel): Validation<SlackChannelUpdate> {
  const display: Partial<SlackDisplay> = {};
  for (const { key } of SLACK_DISPLAY_OPTIONS) if (draft.display[key] !== stored.display[key]) display[key] = draft.display[key];
  const body: SlackChannelUpdate = { display };
  // Checked with the contract; sent as built, since the parsed form fills in defaults for what did not change.
  const v = fromSchema(SlackChannelUpdateSchema.safeParse(body));
  return v.ok ? { ok: true, data: body } : v;
}

export function validateSlackAccount(draft: { name: string }): Validation<SlackAccountInput> {
  const parsed = SlackAccountInputSchema.safeParse(draft);
  return fromSchema(parsed);
}

/** "Message, snapshot and tags", or "Nothing but the title". */
export function displaySummary(display: Readonly<Record<string, unknown>>): string {
  const on = SLACK_DISPLAY_OPTIONS.filter(({ key }) => display[key] === true).map(({ label }, i) => (i === 0 ? label : label.toLowerCase()));
  if (on.length === 0) return 'Only the title';
  if (on.length === 1) return on[0]!;
  return `${on.slice(0, -1).join(', ')} and ${on.at(-1)}`;
}
