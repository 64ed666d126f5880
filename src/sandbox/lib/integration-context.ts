import type { Db } from '../store/db';
import { AwsAccountsStore } from '../store/integrations-aws-store';
import { PagerDutyStore } from '../store/integrations-pagerduty-store';
import { SlackStore } from '../store/integrations-slack-store';
import { WebhooksStore } from '../store/integrations-webhooks-store';
import type { SandboxDeps } from './context';

/** What the Datadog integration routes need: their stores, the database (for transactions) and the clock. */
export interface IntegrationDeps {
  db: Db;
  aws: AwsAccountsStore;
  slack: SlackStore;
  pagerduty: PagerDutyStore;
  webhooks: WebhooksStore;
  /** Epoch microseconds, from the sandbox's clock. */
  nowUs(): number;
}

export function integrationDeps(deps: Pick<SandboxDeps, 'db' | 'nowUs'>): IntegrationDeps {
  return {
    db: deps.db,
    aws: new AwsAccountsStore(deps.db),
    slack: new SlackStore(deps.db),
    pagerduty: new PagerDutyStore(deps.db),
    webhooks: new WebhooksStore(deps.db),
    nowUs: deps.nowUs,
  };
}
