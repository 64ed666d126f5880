/**
 * The downtime message of a maintenance window. Datadog shows it to everyone who opens the
 * downtime, and it is the one free-text field every downtime keeps, so watchdeck writes the
 * window's facts there in plain words, ending with a marker line that ties the window's
 * downtimes together (they survive a restart of the BFF that way):
 *
 *   <reason>
 *   Ticket: <url>              (only when given)
 *   Override: <overrideReason> (only when given)
 *   — planned in watchdeck by <username> · window <id>
 *
 * The parser is tolerant: people edit messages in Datadog's UI, line endings change, and the dash
 * and dot may come back as ASCII. It also reads the single-monitor mute route's
 * "by <user> via watchdeck: <reason>".
 */
export interface WindowMessage {
  reason: string;
  ticket: string | null;
  overrideReason: string | null;
  username: string;
  windowId: string;
}

export interface ParsedMessage {
  /** The window id from the marker; null for a downtime that was not planned in watchdeck. */
  windowId: string | null;
  reason: string | null;
  ticket: string | null;
  overrideReason: string | null;
  /** The watchdeck user named in the message; null when none is. */
  username: string | null;
}

const MARKER_PREFIX = '— planned in watchdeck by';
/** "— planned in watchdeck by alice · window 5f0c…", with -, --, – or — and ·, •, | or - between. */
const MARKER_RE = /^\s*(?:—|–|-{1,2})\s*planned in watchdeck by\s+(\S+)\s*(?:·|•|\||-)\s*window\s+([A-Za-z0-9_-]{1,100})\s*$/i;
const TICKET_RE = /^\s*ticket:\s*(\S.*?)\s*$/i;
const OVERRIDE_RE = /^\s*override:\s*(\S.*?)\s*$/i;
/** The mute route's message (routes/monitors: muteMessage). */
const MUTE_RE = /^by\s+(\S+)\s+via watchdeck:\s*([\s\S]*)$/i;

export function formatWindowMessage(m: WindowMessage): string {
  const lines = [m.reason.trim()];
  if (m.ticket) lines.push(`Ticket: ${m.ticket.trim()}`);
  if (m.overrideReason) lines.push(`Override: ${oneLine(m.overrideReason)}`);
  lines.push(`${MARKER_PREFIX} ${m.username} · window ${m.windowId}`);
  return lines.join('\n');
}

/** The override reason is one line in the message, so it cannot be mistaken for the marker. */
function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

const nothing = (reason: string | null): ParsedMessage => ({
  windowId: null,
  reason,
  ticket: null,
  overrideReason: null,
  username: null,
});

export function parseWindowMessage(message: string | null | undefined): ParsedMessage {
  const text = (message ?? '').replace(/\r\n?/g, '\n').trim();
  if (text === '') return nothing(null);
  const lines = text.split('\n');
  const marker = MARKER_RE.exec(lines.at(-1) ?? '');
  if (!marker) return parseForeign(text);
  lines.pop();
  // Above the marker, in this order and each at most once: Ticket, then Override.
  let overrideReason: string | null = null;
  let ticket: string | null = null;
  const override = OVERRIDE_RE.exec(lines.at(-1) ?? '');
  if (override && lines.length > 1) {
    overrideReason = override[1] ?? null;
    lines.pop();
  }
  const ticketLine = TICKET_RE.exec(lines.at(-1) ?? '');
  if (ticketLine && lines.length > 1) {
    ticket = ticketLine[1] ?? null;
    lines.pop();
  }
  const reason = lines.join('\n').trim();
  return {
    windowId: marker[2] ?? null,
    reason: reason === '' ? null : reason,
    ticket,
    overrideReason,
    username: marker[1] ?? null,
  };
}

/** A message written elsewhere: the mute route's "by <user> via watchdeck: <reason>", else the text itself. */
function parseForeign(text: string): ParsedMessage {
  const mute = MUTE_RE.exec(text);
  if (!mute) return nothing(text);
  const reason = (mute[2] ?? '').trim();
  return { ...nothing(reason === '' ? null : reason), username: mute[1] ?? null };
}
