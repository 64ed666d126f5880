import { createHash } from 'node:crypto';
import type { UserRow } from '../store/types';
import { isoMicro } from './time';

/** The Gravatar URL Datadog gives every user as `icon`. */
export function gravatar(email: string): string {
  const hash = createHash('md5').update(email.trim().toLowerCase()).digest('hex');
  return `https://secure.gravatar.com/avatar/${hash}?s=48&d=retro`;
}

/** {type:"users", id} */
export function userRef(u: UserRow | undefined): { type: 'users'; id: string } | null {
  return u ? { type: 'users', id: u.uuid } : null;
}

/** A user as incidents and todos embed it (REC): {type, id, attributes:{uuid, handle, email, name, icon}}. */
export function renderUserBrief(u: UserRow): Record<string, unknown> {
  return {
    type: 'users',
    id: u.uuid,
    attributes: { uuid: u.uuid, handle: u.handle, email: u.email, name: u.name, icon: gravatar(u.email) },
  };
}

/** `{data: <brief user>}` or null, as in create/update responses. */
export function embedUser(u: UserRow | undefined): { data: Record<string, unknown> } | null {
  return u ? { data: renderUserBrief(u) } : null;
}

/** A user resource as downtimes and incidents embed it in `included`. */
export function renderUserIncluded(u: UserRow): Record<string, unknown> {
  return {
    type: 'users',
    id: u.uuid,
    attributes: {
      name: u.name,
      handle: u.handle,
      created_at: isoMicro(u.created_us),
      modified_at: isoMicro(u.modified_us),
      email: u.email,
      icon: gravatar(u.email),
      title: u.title,
      verified: true,
      service_account: false,
      disabled: false,
      allowed_login_methods: [],
      status: 'Active',
    },
  };
}

/** A full user resource (GET /api/v2/users, and `included` of the Incident Teams API), in the org `orgUuid`. */
export function renderUser(u: UserRow, orgUuid: string): Record<string, unknown> {
  return { ...renderUserIncluded(u), relationships: { org: { data: { type: 'orgs', id: orgUuid } } } };
}
