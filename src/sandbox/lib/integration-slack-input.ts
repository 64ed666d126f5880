import type { SlackDisplay } from '../store/integrations-rows';
import { boolean, objectBody, onlyKeys, slackChannelName } from './integration-fields';
import { isPlainObject } from './json-body';
import { notOfType, required } from './schema-messages';

/** What a channel shows by default (the spec example's values). */
export const DEFAULT_SLACK_DISPLAY: Readonly<SlackDisplay> = {
  message: true,
  mute_buttons: false,
  notified: true,
  snapshot: true,
  tags: true,
};

const DISPLAY_KEYS = Object.keys(DEFAULT_SLACK_DISPLAY) as (keyof SlackDisplay)[];

function parseDisplay(v: unknown): Partial<SlackDisplay> {
  if (!isPlainObject(v)) notOfType(v, 'object');
  onlyKeys(v, DISPLAY_KEYS);
  const out: Partial<SlackDisplay> = {};
  for (const key of DISPLAY_KEYS) if (v[key] !== undefined) out[key] = boolean(v[key]);
  return out;
}

/** POST .../channels: `{name, display?}`; the display is completed with the defaults. */
export function parseSlackChannelCreate(body: unknown): { name: string; display: SlackDisplay } {
  const b = objectBody(body);
  onlyKeys(b, ['name', 'display']);
  if (b.name === undefined || b.name === null) required('name');
  const display = b.display === undefined || b.display === null ? {} : parseDisplay(b.display);
  return { name: slackChannelName(b.name), display: { ...DEFAULT_SLACK_DISPLAY, ...display } };
}

/** PATCH .../channels/{name}: any of `name` (a rename) and part of `display`. */
export function parseSlackChannelUpdate(body: unknown): { name?: string; display: Partial<SlackDisplay> } {
  const b = objectBody(body);
  onlyKeys(b, ['name', 'display']);
  return {
    ...(b.name !== undefined && b.name !== null ? { name: slackChannelName(b.name) } : {}),
    display: b.display === undefined || b.display === null ? {} : parseDisplay(b.display),
  };
}
