import { parseScope } from '../../../contract/scope';

function quoteValue(value: string): string {
  return /^[^\s()"\\]+$/.test(value) && !/^(and|or|not)$/i.test(value)
    ? value
    : `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/**
 * The scope that mutes exactly one group: its tags joined with " AND "
 * ("env:prod AND host:web-1"). Null when the group has no key:value tags to
 * scope on (an ungrouped monitor, or a keyless tag Datadog would reject).
 */
export function scopeForGroup(tags: readonly string[]): string | null {
  if (tags.length === 0) return null;
  const parts: string[] = [];
  for (const tag of tags) {
    const colon = tag.indexOf(':');
    if (colon <= 0) return null;
    parts.push(`${tag.slice(0, colon)}:${quoteValue(tag.slice(colon + 1))}`);
  }
  const scope = parts.join(' AND ');
  return parseScope(scope).ok ? scope : null;
}
