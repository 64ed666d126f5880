import { conflictsAs, HttpError } from '../../lib/errors';
import { awsWrite, toAwsAccount } from '../../upstreams/datadog/integration-map';
import { bind } from '../define-route';
import { lastChange, missingAs404 } from './integration-common';
import { readAwsAccounts } from './integration-reads';
import { createAwsRoute, deleteAwsRoute, listAwsRoute, updateAwsRoute } from './integrations.routes';

/** AWS (v1, deprecated upstream but the one with role delegation and external ids): DIFFERENCES.md 4. */

export const listAws = bind(listAwsRoute, async ({ deps }) => ({
  status: 200,
  body: { accounts: await readAwsAccounts(deps), lastChange: lastChange(deps, 'aws') },
}));

export const createAws = bind(createAwsRoute, async ({ deps, body, req }) => {
  req.audit.target = `aws:${body.accountId}`;
  const created = await conflictsAs(['accountId'], 'This AWS account is in the integration already', () =>
    deps.datadog.createAwsAccount(awsWrite(body)),
  );
  return { status: 201, body: { account: toAwsAccount(awsWrite(body)), externalId: created.external_id } };
});

/**
 * Datadog's v1 PUT replaces the whole account: the current one is read first
 * so the fields watchdeck does not edit (regions, resource collection) stay.
 */
export const updateAws = bind(updateAwsRoute, async ({ deps, params, body }) => {
  const key = { account_id: params.accountId, role_name: params.roleName };
  const list = await deps.datadog.listAwsAccounts(key);
  const current = (list.accounts ?? []).find((a) => a.account_id === key.account_id && (a.role_name ?? '') === key.role_name);
  if (!current) {
    throw new HttpError(404, 'not_found', `AWS account ${params.accountId} with role ${params.roleName} is not in Datadog's AWS integration`);
  }
  const write = awsWrite(body, current);
  await missingAs404(() =>
    conflictsAs(['accountId'], 'This AWS account is in the integration already', () => deps.datadog.updateAwsAccount(key, write)),
  );
  return { status: 200, body: toAwsAccount(write) };
});

export const deleteAws = bind(deleteAwsRoute, async ({ deps, params }) => {
  await missingAs404(() => deps.datadog.deleteAwsAccount({ account_id: params.accountId, role_name: params.roleName }));
  return { status: 204 };
});
