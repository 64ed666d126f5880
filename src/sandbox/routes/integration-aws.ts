import { randomBytes } from 'node:crypto';
import type { Hono } from 'hono';
import { awsAccountId, awsRoleName, parseAwsAccountBody, parseAwsAccountKey } from '../lib/integration-aws-input';
import type { IntegrationDeps } from '../lib/integration-context';
import { objectBody, onlyKeys } from '../lib/integration-fields';
import { renderAwsAccount } from '../lib/integration-views';
import { badRequest, HttpError } from '../lib/errors';
import { readJson } from '../lib/json-body';
import type { AwsAccountRow } from '../store/integrations-rows';

const PATH = '/api/v1/integration/aws';

/** The recorded 400 (aws.delete.400): PUT and DELETE of an account that is not there. */
export const awsAccountMissing = (accountId: string) => `AWS account ${accountId} does not exist in integration`;
/** No recording: the sandbox's wording for a second POST of the same account. */
export const awsAccountExists = (accountId: string) => `AWS account ${accountId} already exists in integration`;

/** 32 lower-case hex characters, like the recorded external_id. */
export function newExternalId(): string {
  return randomBytes(16).toString('hex');
}

function getOr400(deps: IntegrationDeps, key: { account_id: string; role_name: string }): AwsAccountRow {
  const row = deps.aws.get(key.account_id);
  if (!row || row.role_name !== key.role_name) throw badRequest(awsAccountMissing(key.account_id));
  return row;
}

/** The deprecated v1 AWS integration (role-based accounts). */
export function registerAwsIntegrationRoutes(app: Hono, deps: IntegrationDeps): void {
  app.get(PATH, (c) => {
    const accountId = c.req.query('account_id');
    const roleName = c.req.query('role_name');
    const accounts = deps.aws
      .list()
      .filter((a) => (accountId === undefined || a.account_id === accountId) && (roleName === undefined || a.role_name === roleName));
    return c.json({ accounts: accounts.map(renderAwsAccount) });
  });

  app.post(PATH, async (c) => {
    const config = parseAwsAccountBody(await readJson(c));
    const accountId = config.account_id as string;
    if (deps.aws.get(accountId)) throw new HttpError(409, [awsAccountExists(accountId)]);
    const now = deps.nowUs();
    const row: AwsAccountRow = {
      account_id: accountId,
      role_name: config.role_name as string,
      external_id: newExternalId(),
      config,
      created_us: now,
      modified_us: now,
    };
    deps.aws.insert(row);
    return c.json({ external_id: row.external_id });
  });

  app.put(PATH, async (c) => {
    const q = (n: string) => c.req.query(n);
    const key = { account_id: awsAccountId(q('account_id')), role_name: awsRoleName(q('role_name')) };
    const body = await readJson(c);
    const existing = getOr400(deps, key);
    const config = parseAwsAccountBody(body, key);
    const next: AwsAccountRow = {
      ...existing,
      account_id: config.account_id as string,
      role_name: config.role_name as string,
      config,
      modified_us: deps.nowUs(),
    };
    if (next.account_id !== existing.account_id && deps.aws.get(next.account_id)) {
      throw new HttpError(409, [awsAccountExists(next.account_id)]);
    }
    deps.aws.replace(existing.account_id, next);
    return c.json({});
  });

  app.delete(PATH, async (c) => {
    const b = objectBody(await readJson(c));
    onlyKeys(b, ['account_id', 'role_name']);
    const key = parseAwsAccountKey(b);
    deps.aws.delete(getOr400(deps, key).account_id);
    return c.json({});
  });
}
