/** BFF paths, shared by the SPA fetchers and the BFF router. */
export const apiPaths = {
  healthz: '/api/healthz',
  openapi: '/api/openapi.json',
  config: '/api/config',
  monitors: '/api/monitors',
  monitor: (id: number | string) => `/api/monitors/${encodeURIComponent(String(id))}`,
  mute: (id: number | string) => `/api/monitors/${encodeURIComponent(String(id))}/mute`,
  unmute: (id: number | string) => `/api/monitors/${encodeURIComponent(String(id))}/unmute`,
  downtime: (id: string) => `/api/downtimes/${encodeURIComponent(id)}`,
} as const;

/** Sign-in, users and audit (issue 3). */
export const authPaths = {
  session: '/api/session',
  users: '/api/users',
  user: (username: string) => `/api/users/${encodeURIComponent(username)}`,
  audit: '/api/audit',
  auditCsv: '/api/audit.csv',
} as const;

/** Incidents, people and teams (issue 4). */
export const incidentPaths = {
  incidents: '/api/incidents',
  incident: (id: string) => `/api/incidents/${encodeURIComponent(id)}`,
  resolve: (id: string) => `/api/incidents/${encodeURIComponent(id)}/resolve`,
  notes: (id: string) => `/api/incidents/${encodeURIComponent(id)}/notes`,
  timeline: (id: string) => `/api/incidents/${encodeURIComponent(id)}/timeline`,
  todos: (id: string) => `/api/incidents/${encodeURIComponent(id)}/todos`,
  todo: (id: string, todoId: string) => `/api/incidents/${encodeURIComponent(id)}/todos/${encodeURIComponent(todoId)}`,
  people: '/api/people',
  teams: '/api/teams',
  team: (id: string) => `/api/teams/${encodeURIComponent(id)}`,
  members: (id: string) => `/api/teams/${encodeURIComponent(id)}/members`,
  member: (id: string, userId: string) => `/api/teams/${encodeURIComponent(id)}/members/${encodeURIComponent(userId)}`,
} as const;

/** Integrations (issue 5); every route is admin-only. Slack channels go in paths without their "#". */
const enc = (v: string) => encodeURIComponent(v);
export const integrationPaths = {
  overview: '/api/integrations',
  aws: '/api/integrations/aws',
  awsAccount: (accountId: string, roleName: string) => `/api/integrations/aws/${enc(accountId)}/${enc(roleName)}`,
  slack: '/api/integrations/slack',
  slackAccounts: '/api/integrations/slack/accounts',
  slackAccount: (account: string) => `/api/integrations/slack/accounts/${enc(account)}`,
  slackChannels: (account: string) => `/api/integrations/slack/accounts/${enc(account)}/channels`,
  slackChannel: (account: string, channel: string) =>
    `/api/integrations/slack/accounts/${enc(account)}/channels/${enc(channel.replace(/^#/, ''))}`,
  pagerduty: '/api/integrations/pagerduty',
  pagerdutyService: (name: string) => `/api/integrations/pagerduty/${enc(name)}`,
  webhooks: '/api/integrations/webhooks',
  webhook: (name: string) => `/api/integrations/webhooks/${enc(name)}`,
  webhookTest: (name: string) => `/api/integrations/webhooks/${enc(name)}/test`,
  customVariables: '/api/integrations/webhook-variables',
  customVariable: (name: string) => `/api/integrations/webhook-variables/${enc(name)}`,
  atlasProjects: '/api/integrations/atlas/projects',
  atlasProject: (projectId: string) => `/api/integrations/atlas/projects/${enc(projectId)}`,
  atlasIntegration: (projectId: string, type: string) =>
    `/api/integrations/atlas/projects/${enc(projectId)}/${enc(type)}`,
} as const;

/** Service checks, the notification log and group history (issue 6). */
export const serviceCheckPaths = {
  submit: '/api/service-checks',
  recent: '/api/service-checks/recent',
  notifications: '/api/notifications',
  monitorHistory: (id: number | string) => `/api/monitors/${encodeURIComponent(String(id))}/history`,
} as const;

/** Maintenance planning (issue 7). */
export const maintenancePaths = {
  windows: '/api/maintenance/windows',
  window: (id: string) => `/api/maintenance/windows/${encodeURIComponent(id)}`,
  extend: (id: string) => `/api/maintenance/windows/${encodeURIComponent(id)}/extend`,
  end: (id: string) => `/api/maintenance/windows/${encodeURIComponent(id)}/end`,
  endSettings: (id: string) => `/api/maintenance/windows/${encodeURIComponent(id)}/end-settings`,
  untilRecovered: (id: string) => `/api/maintenance/windows/${encodeURIComponent(id)}/until-recovered`,
  preview: '/api/maintenance/preview',
  hygiene: '/api/maintenance/hygiene',
  cleanup: '/api/maintenance/cleanup',
} as const;
