import type { BoundRoute } from '../define-route';
import { createAws, deleteAws, listAws, updateAws } from './aws.handlers';
import { getOverview } from './overview.handlers';
import { createPagerDuty, deletePagerDuty, getPagerDuty, updatePagerDuty } from './pagerduty.handlers';
import { addSlackAccount, createSlackChannel, deleteSlackChannel, getSlack, removeSlackAccount, updateSlackChannel } from './slack.handlers';
import {
  createVariable,
  createWebhook,
  deleteVariable,
  deleteWebhook,
  getWebhooks,
  testWebhook,
  updateVariable,
  updateWebhook,
} from './webhooks.handlers';

/** The Datadog integration routes (issue 5), all admin-only. */
export const integrationRoutes: BoundRoute[] = [
  getOverview,
  listAws,
  createAws,
  updateAws,
  deleteAws,
  getSlack,
  addSlackAccount,
  removeSlackAccount,
  createSlackChannel,
  updateSlackChannel,
  deleteSlackChannel,
  getPagerDuty,
  createPagerDuty,
  updatePagerDuty,
  deletePagerDuty,
  getWebhooks,
  createWebhook,
  updateWebhook,
  deleteWebhook,
  testWebhook,
  createVariable,
  updateVariable,
  deleteVariable,
];
