/**
 * Monitor message templates, rendered the way Datadog renders a notification:
 * `{{host.name}}`-style tag variables from the group, `{{value}}`, and
 * conditional sections `{{#is_alert}}…{{/is_alert}}` and their inverse
 * `{{^is_alert}}…{{/is_alert}}`. Then the @-handles in the rendered text say
 * who is notified. Shared by the local Datadog (which delivers) and the SPA.
 */

export type TemplateStatus = 'Alert' | 'Warn' | 'No Data' | 'OK' | 'Unknown' | string;

export interface MessageContext {
  /** The new status of the group. */
  status: TemplateStatus;
  /** The previous status (null for a new group). */
  previous: TemplateStatus | null;
  /** The group name, e.g. "host:web-2,instance:checkout-web" ("*" or "total" for none). */
  group: string;
  /** The check's message, or the metric value, when there is one. */
  value?: string;
  /** Renotification of an unchanged state. */
  renotify?: boolean;
}

/** Which condition variables are true for this transition. */
export function templateFlags(ctx: MessageContext): Record<string, boolean> {
  const s = ctx.status;
  const recovering = s === 'OK' && ctx.previous !== null && ctx.previous !== 'OK';
  return {
    is_alert: s === 'Alert',
    is_warning: s === 'Warn',
    is_no_data: s === 'No Data',
    is_unknown: s === 'Unknown',
    is_recovery: recovering,
    is_alert_recovery: recovering && ctx.previous === 'Alert',
    is_warning_recovery: recovering && ctx.previous === 'Warn',
    is_alert_to_warning: s === 'Warn' && ctx.previous === 'Alert',
    is_no_data_recovery: recovering && ctx.previous === 'No Data',
    is_renotify: ctx.renotify === true,
  };
}

/** `host:web-2,instance:x` -> { host: "web-2", instance: "x" } (bare tags are skipped). */
export function groupVariables(group: string): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const part of group.split(',')) {
    const i = part.indexOf(':');
    if (i > 0) vars[part.slice(0, i).trim()] = part.slice(i + 1).trim();
  }
  return vars;
}

const SECTION = /\{\{([#^])\s*([a-z_]+)\s*\}\}([\s\S]*?)\{\{\/\s*\2\s*\}\}/g;
const VARIABLE = /\{\{\s*([A-Za-z0-9_.-]+)\s*\}\}/g;

export function renderMonitorMessage(template: string, ctx: MessageContext): string {
  const flags = templateFlags(ctx);
  // Sections may nest one level in practice; two passes resolve that.
  let text = template;
  for (let pass = 0; pass < 2; pass += 1) {
    text = text.replace(SECTION, (_m, kind: string, name: string, body: string) => {
      const on = flags[name] ?? false;
      return (kind === '#' ? on : !on) ? body : '';
    });
  }
  const vars = groupVariables(ctx.group);
  return text.replace(VARIABLE, (whole, path: string) => {
    if (path === 'value') return ctx.value ?? '';
    const dot = path.lastIndexOf('.');
    if (dot > 0 && path.slice(dot + 1) === 'name') {
      const v = vars[path.slice(0, dot)];
      return v ?? '';
    }
    return whole;
  });
}

/** The notification channels a handle names. */
export const HANDLE_KINDS = ['webhook', 'slack', 'pagerduty', 'teams', 'opsgenie'] as const;
export type HandleKind = (typeof HANDLE_KINDS)[number];

const HANDLE = /(^|[\s(>,;])@(webhook|slack|pagerduty|teams|opsgenie)-([A-Za-z0-9_.#-]+[A-Za-z0-9_#-]|[A-Za-z0-9_#-])/g;

export interface Handle {
  kind: HandleKind;
  /** After "<kind>-": a webhook's name, a Slack channel, a PagerDuty service... */
  target: string;
  /** "@webhook-ops-bridge" */
  text: string;
}

/** The distinct @-handles of a rendered message, in order. */
export function extractHandles(text: string): Handle[] {
  const seen = new Map<string, Handle>();
  for (const m of text.matchAll(HANDLE)) {
    const kind = m[2] as HandleKind;
    const target = m[3] as string;
    const handleText = `@${kind}-${target}`;
    if (!seen.has(handleText)) seen.set(handleText, { kind, target, text: handleText });
  }
  return [...seen.values()];
}
