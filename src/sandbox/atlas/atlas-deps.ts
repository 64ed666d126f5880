import { randomBytes } from 'node:crypto';
import { ATLAS_PROJECT_ID_PATTERN, AtlasTypeSchema, type AtlasType } from '../../contract/atlas';
import { AtlasError, clip } from './atlas-http';
import type { AtlasProjectRow, AtlasStore } from './atlas-store';

/** What the Atlas handlers need: the store and the clock. */
export interface AtlasDeps {
  store: AtlasStore;
  /** Epoch milliseconds. */
  now(): number;
  /** A new 24-hex id, like a MongoDB ObjectId. */
  newId(): string;
}

/** An ObjectId-shaped id: 4 bytes of seconds since the epoch, then 8 random bytes. */
export function objectId(nowMs: number): string {
  return Math.floor(nowMs / 1000).toString(16).padStart(8, '0').slice(-8) + randomBytes(8).toString('hex');
}

/** The project a path names: 400 for an id that is not 24 hex digits, 404 for an unknown one. */
export function projectOr404(deps: AtlasDeps, raw: string): AtlasProjectRow {
  const id = raw.toLowerCase();
  if (!ATLAS_PROJECT_ID_PATTERN.test(id)) throw new AtlasError(400, 'INVALID_GROUP_ID', `Invalid group ID ${clip(raw)}.`, [clip(raw)]);
  const p = deps.store.getProject(id);
  if (!p) throw new AtlasError(404, 'GROUP_NOT_FOUND', `No group with ID ${id} exists.`, [id]);
  return p;
}

/** The integration type a path names; 400 with the list of types otherwise. */
export function integrationType(raw: string): AtlasType {
  const r = AtlasTypeSchema.safeParse(raw);
  if (r.success) return r.data;
  throw new AtlasError(
    400,
    'INVALID_ENUM_VALUE',
    `An invalid enumeration value ${clip(raw)} was specified for integrationType. ${r.error.issues[0]?.message ?? ''}.`,
    [clip(raw)],
  );
}
