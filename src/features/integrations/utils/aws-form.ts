import {
  AwsAccountInputSchema,
  TagListSchema,
  type AwsAccount,
  type AwsAccountInput,
} from '../../../contract/integrations';
import { fromSchema, type Validation } from './validation';

export interface AwsDraft {
  accountId: string;
  roleName: string;
  filterTags: string[];
  hostTags: string[];
  /** Namespace -> collected; a namespace not listed is collected. */
  namespaceRules: Record<string, boolean>;
}

export const AWS_FIELDS = ['accountId', 'roleName', 'filterTags', 'hostTags', 'namespaceRules'] as const;

export function awsDraft(account?: AwsAccount): AwsDraft {
  return {
    accountId: account?.accountId ?? '',
    roleName: account?.roleName ?? '',
    filterTags: [...(account?.filterTags ?? [])],
    hostTags: [...(account?.hostTags ?? [])],
    namespaceRules: { ...(account?.namespaceRules ?? {}) },
  };
}

export const isCollected = (rules: Readonly<Record<string, boolean>>, namespace: string) => rules[namespace] !== false;

/**
 * The request body: a namespace rule is sent when it turns a namespace off, or
 * when the stored account had a rule for it (so turning one back on is sent too).
 */
export function awsInput(draft: AwsDraft, stored?: AwsAccount): AwsAccountInput {
  const rules: Record<string, boolean> = {};
  for (const [ns, on] of Object.entries(draft.namespaceRules)) {
    if (on === false || (stored && ns in stored.namespaceRules)) rules[ns] = on;
  }
  return { accountId: draft.accountId, roleName: draft.roleName, filterTags: draft.filterTags, hostTags: draft.hostTags, namespaceRules: rules };
}

export function validateAws(draft: AwsDraft, stored?: AwsAccount): Validation<AwsAccountInput> {
  const parsed = AwsAccountInputSchema.safeParse(awsInput(draft, stored));
  return fromSchema(parsed);
}

/** One tag as the contract checks it, for the chip input: its error, or null. */
export function tagError(tag: string): string | null {
  const parsed = TagListSchema.element.safeParse(tag);
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? 'Not a valid tag');
}

/** "All collected", or the namespaces switched off. */
export function namespaceSummary(rules: Readonly<Record<string, boolean>>): string {
  const off = Object.entries(rules)
    .filter(([, on]) => on === false)
    .map(([ns]) => ns)
    .sort();
  return off.length === 0 ? 'All collected' : `Not collected: ${off.join(', ')}`;
}
