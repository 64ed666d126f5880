import { isIP } from 'node:net';
import { z } from 'zod';
import { ROLES, type Role } from '../contract/auth';

/**
 * Parsers for the trusted-proxy variables, used by env.ts (which alone reads
 * process.env): WATCHDECK_TRUSTED_PROXIES and WATCHDECK_PROXY_ROLES.
 */

/** One entry of WATCHDECK_PROXY_ROLES: members of `group` ("*" = anyone the proxy vouches for) get `role`. */
export interface ProxyRoleRule {
  group: string;
  role: Role;
}

/** "10.0.0.1", "10.0.0.0/8", "::1", "fd00::/8". */
function isAddressOrCidr(entry: string): boolean {
  const [address = '', prefix, extra] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || extra !== undefined) return false;
  if (prefix === undefined) return true;
  if (!/^[0-9]{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}

const commaList = (s: string) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

export const trustedProxies = z
  .string()
  .transform(commaList)
  .pipe(
    z
      .array(z.string().refine(isAddressOrCidr, 'each entry must be an IP address or CIDR block (v4 or v6)'))
      .min(1, 'must list at least one IP address or CIDR block'),
  );

const ROLE_RULE = /^([^=,\s]+)=([a-z]+)$/;
export const proxyRoles = z
  .string()
  .transform(commaList)
  .pipe(
    z
      .array(
        z
          .string()
          .refine((e) => {
            const m = ROLE_RULE.exec(e);
            return m !== null && (ROLES as readonly string[]).includes(m[2] ?? '');
          }, `each entry must be group=role with a role of ${ROLES.join(', ')}, e.g. sre-admins=admin,oncall=responder,*=viewer`)
          .transform((e): ProxyRoleRule => {
            const m = ROLE_RULE.exec(e) as RegExpExecArray;
            return { group: m[1] as string, role: m[2] as Role };
          }),
      )
      .min(1, 'must map at least one group to a role'),
  );
