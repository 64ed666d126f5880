import { AWS_ACCOUNT_ID_PATTERN, AWS_ROLE_NAME_PATTERN } from '../../contract/integrations';
import { badRequest } from './errors';
import { isPlainObject } from './json-body';
import { boolean, objectBody, onlyKeys, stringList } from './integration-fields';
import { notOfType, repr, required } from './schema-messages';

/** The v1 AWS account fields the sandbox keeps (role-based accounts only). */
const LIST_FIELDS = ['filter_tags', 'host_tags', 'excluded_regions'] as const;
const BOOLEAN_FIELDS = [
  'metrics_collection_enabled',
  'resource_collection_enabled',
  'cspm_resource_collection_enabled',
  'extended_resource_collection_enabled',
] as const;
const FIELDS = ['account_id', 'role_name', 'account_specific_namespace_rules', ...LIST_FIELDS, ...BOOLEAN_FIELDS];
const ACCESS_KEY_FIELDS = ['access_key_id', 'secret_access_key'];

export const ACCESS_KEYS_UNSUPPORTED = 'Access-key AWS accounts are not supported by the local Datadog: use role_name (role delegation)';

export function awsAccountId(v: unknown, field = 'account_id'): string {
  if (v === undefined || v === null || v === '') required(field);
  if (typeof v !== 'string') notOfType(v, 'string');
  if (!AWS_ACCOUNT_ID_PATTERN.test(v)) throw badRequest(`Invalid ${field} ${repr(v)}: an AWS account ID is 12 digits`);
  return v;
}

export function awsRoleName(v: unknown, field = 'role_name'): string {
  if (v === undefined || v === null || v === '') required(field);
  if (typeof v !== 'string') notOfType(v, 'string');
  if (!AWS_ROLE_NAME_PATTERN.test(v)) {
    throw badRequest(`Invalid ${field} ${repr(v)}: an IAM role name is 1-64 letters, digits or + = , . @ _ -`);
  }
  return v;
}

/**
 * Validates a v1 AWS account body and returns it as it is stored: every key
 * the client sent, type-checked. `fallback` (PUT) supplies account_id and
 * role_name when the body leaves them out.
 */
export function parseAwsAccountBody(body: unknown, fallback?: { account_id: string; role_name: string }): Record<string, unknown> {
  const b = objectBody(body);
  for (const key of ACCESS_KEY_FIELDS) if (key in b) throw badRequest(ACCESS_KEYS_UNSUPPORTED);
  onlyKeys(b, FIELDS);
  const out: Record<string, unknown> = {
    account_id: awsAccountId(b.account_id ?? fallback?.account_id),
    role_name: awsRoleName(b.role_name ?? fallback?.role_name),
  };
  for (const key of LIST_FIELDS) if (b[key] !== undefined) out[key] = stringList(b[key]);
  for (const key of BOOLEAN_FIELDS) if (b[key] !== undefined) out[key] = boolean(b[key]);
  const rules = b.account_specific_namespace_rules;
  if (rules !== undefined) {
    if (!isPlainObject(rules)) notOfType(rules, 'object');
    for (const v of Object.values(rules)) boolean(v);
    out.account_specific_namespace_rules = rules;
  }
  return out;
}

/** `{account_id, role_name}` from a DELETE body or the PUT query. */
export function parseAwsAccountKey(source: Record<string, unknown>): { account_id: string; role_name: string } {
  return { account_id: awsAccountId(source.account_id), role_name: awsRoleName(source.role_name) };
}
