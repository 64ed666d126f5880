import { randomBytes } from 'node:crypto';
import type { BffStore } from '../store/open-store';
import type { PasswordHasher } from './password';

/**
 * The first admin, username `admin`:
 * - with WATCHDECK_ADMIN_PASSWORD set, that password is applied at every
 *   start (the environment stays authoritative): the account exists, is an
 *   enabled admin, and has this password; a changed password ends its sessions;
 * - without it, when no enabled admin exists, a strong password is generated
 *   and returned once, for index.ts to print on stderr with the URL.
 */
export const ADMIN_USERNAME = 'admin';

export interface BootstrapOptions {
  store: BffStore;
  passwords: PasswordHasher;
  adminPassword: string | null;
  now: () => number;
}

export async function bootstrapAdmin(options: BootstrapOptions): Promise<{ generatedPassword: string | null }> {
  const { store, passwords, adminPassword, now } = options;
  const existing = store.users.get(ADMIN_USERNAME);

  if (adminPassword !== null) {
    const same = existing ? await passwords.verify(adminPassword, existing.passwordHash) : false;
    const passwordHash = same ? undefined : await passwords.hash(adminPassword);
    apply(store, existing !== null, passwordHash, now);
    return { generatedPassword: null };
  }

  if (store.users.countEnabledAdmins() > 0) return { generatedPassword: null };
  const generated = randomBytes(18).toString('base64url');
  apply(store, existing !== null, await passwords.hash(generated), now);
  return { generatedPassword: generated };
}

function apply(store: BffStore, exists: boolean, passwordHash: string | undefined, now: () => number): void {
  store.users.transaction(() => {
    if (!exists) {
      store.users.create({ username: ADMIN_USERNAME, role: 'admin', passwordHash: passwordHash as string, createdAt: now() });
      return;
    }
    store.users.update(ADMIN_USERNAME, { role: 'admin', disabled: false, passwordHash });
    if (passwordHash !== undefined) store.sessions.deleteForUser(ADMIN_USERNAME);
  });
}
