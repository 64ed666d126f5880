import { openStore } from '../store/open-store';
import { testPasswords } from '../testing/test-app';
import { ADMIN_USERNAME, bootstrapAdmin } from './bootstrap-admin';

const CANARY_ADMIN_PASSWORD = 'canary-admin-password-9d2e41';
const now = () => Date.UTC(2026, 8, 1);

describe('bootstrapAdmin', () => {
  it('creates admin with WATCHDECK_ADMIN_PASSWORD, and re-applies it at every start', async () => {
    const store = openStore(':memory:');
    expect(await bootstrapAdmin({ store, passwords: testPasswords, adminPassword: CANARY_ADMIN_PASSWORD, now })).toEqual({
      generatedPassword: null,
    });
    const first = store.users.get(ADMIN_USERNAME);
    expect(first).toMatchObject({ role: 'admin', disabled: false });
    expect(await testPasswords.verify(CANARY_ADMIN_PASSWORD, first?.passwordHash ?? '')).toBe(true);

    // Someone demoted, disabled and re-passworded admin; the next start puts the environment back.
    store.users.update(ADMIN_USERNAME, { role: 'viewer', disabled: true, passwordHash: await testPasswords.hash('another-password-123') });
    store.sessions.insert({ idHash: 'x', username: ADMIN_USERNAME, createdAt: 0, lastSeenAt: 0, expiresAt: Number.MAX_SAFE_INTEGER });
    await bootstrapAdmin({ store, passwords: testPasswords, adminPassword: CANARY_ADMIN_PASSWORD, now });
    const again = store.users.get(ADMIN_USERNAME);
    expect(again).toMatchObject({ role: 'admin', disabled: false });
    expect(await testPasswords.verify(CANARY_ADMIN_PASSWORD, again?.passwordHash ?? '')).toBe(true);
    expect(store.sessions.countForUser(ADMIN_USERNAME)).toBe(0);
  });

  it('keeps the hash (and the sessions) when the password did not change', async () => {
    const store = openStore(':memory:');
    await bootstrapAdmin({ store, passwords: testPasswords, adminPassword: CANARY_ADMIN_PASSWORD, now });
    const hash = store.users.get(ADMIN_USERNAME)?.passwordHash;
    store.sessions.insert({ idHash: 'x', username: ADMIN_USERNAME, createdAt: 0, lastSeenAt: 0, expiresAt: Number.MAX_SAFE_INTEGER });
    await bootstrapAdmin({ store, passwords: testPasswords, adminPassword: CANARY_ADMIN_PASSWORD, now });
    expect(store.users.get(ADMIN_USERNAME)?.passwordHash).toBe(hash);
    expect(store.sessions.countForUser(ADMIN_USERNAME)).toBe(1);
  });

  it('without the variable, generates a strong password once, when no enabled admin exists', async () => {
    const store = openStore(':memory:');
    const { generatedPassword } = await bootstrapAdmin({ store, passwords: testPasswords, adminPassword: null, now });
    expect(generatedPassword).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(await testPasswords.verify(generatedPassword as string, store.users.get(ADMIN_USERNAME)?.passwordHash ?? '')).toBe(true);
    expect(await bootstrapAdmin({ store, passwords: testPasswords, adminPassword: null, now })).toEqual({ generatedPassword: null });
    const other = await bootstrapAdmin({ store: openStore(':memory:'), passwords: testPasswords, adminPassword: null, now });
    expect(other.generatedPassword).not.toBe(generatedPassword);
  });

  it('generates nothing when another enabled admin exists', async () => {
    const store = openStore(':memory:');
    store.users.create({ username: 'root', role: 'admin', passwordHash: 'h', createdAt: 0 });
    expect(await bootstrapAdmin({ store, passwords: testPasswords, adminPassword: null, now })).toEqual({ generatedPassword: null });
    expect(store.users.get(ADMIN_USERNAME)).toBeNull();
  });
});
