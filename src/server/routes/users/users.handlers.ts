import { actorOf } from '../../auth/actor';
import type { ServerDeps } from '../../lib/deps';
import { HttpError, validationError } from '../../lib/errors';
import { toUser } from '../../store/users-store';
import { bind, type BoundRoute } from '../define-route';
import { createUserRoute, listUsersRoute, updateUserRoute } from './users.routes';

function localOnly(deps: ServerDeps): void {
  if (deps.config.auth.mode !== 'local') {
    throw new HttpError(404, 'not_found', 'Users are managed at your auth proxy: watchdeck runs with WATCHDECK_AUTH=proxy');
  }
}

const listUsers = bind(listUsersRoute, async ({ deps }) => {
  localOnly(deps);
  return { status: 200, body: { users: deps.store.users.list().map(toUser) } };
});

const createUser = bind(createUserRoute, async ({ deps, body, req }) => {
  localOnly(deps);
  req.audit.target = `user:${body.username}`;
  const passwordHash = await deps.passwords.hash(body.password);
  const created = deps.store.users.create({ username: body.username, role: body.role, passwordHash, createdAt: deps.now() });
  if (!created) throw new HttpError(409, 'conflict', `A user named ${body.username} already exists`);
  const user = deps.store.users.get(body.username);
  if (!user) throw new Error('user vanished after insert');
  return { status: 201, body: toUser(user) };
});

const updateUser = bind(updateUserRoute, async ({ deps, params, body, req }) => {
  localOnly(deps);
  const actor = actorOf(req);
  const { users } = deps.store;
  if (!users.get(params.username)) throw new HttpError(404, 'not_found', `No user named ${params.username}`);
  if (params.username === actor.username) {
    if (body.disabled === true) throw validationError({ disabled: ['You cannot disable yourself'] });
    if (body.role !== undefined && body.role !== 'admin') throw validationError({ role: ['You cannot demote yourself'] });
  }
  const passwordHash = body.password === undefined ? undefined : await deps.passwords.hash(body.password);
  const updated = users.transaction(() => {
    const current = users.get(params.username);
    if (!current) throw new HttpError(404, 'not_found', `No user named ${params.username}`);
    const losesAdmin = current.role === 'admin' && !current.disabled && (body.disabled === true || (body.role !== undefined && body.role !== 'admin'));
    if (losesAdmin && users.countEnabledAdmins() <= 1) {
      throw new HttpError(409, 'conflict', `${params.username} is the last enabled admin; make another admin first`);
    }
    users.update(params.username, { role: body.role, disabled: body.disabled, passwordHash });
    return users.get(params.username);
  });
  if (!updated) throw new Error('user vanished during update');
  // A disabled user or a new password: every session of theirs ends now (the admin's own current one excepted).
  if (body.disabled === true || passwordHash !== undefined) {
    const keep = params.username === actor.username ? req.identity.session?.idHash : undefined;
    deps.sessions.endAllFor(params.username, keep);
  }
  return { status: 200, body: toUser(updated) };
});

export const userRoutes: BoundRoute[] = [listUsers, createUser, updateUser];
