import type { Db } from '../store/db';
import type { DowntimesStore } from '../store/downtimes-store';
import type { IncidentsStore } from '../store/incidents-store';
import type { MonitorsStore } from '../store/monitors-store';
import type { TeamsStore } from '../store/teams-store';
import type { TodosStore } from '../store/todos-store';
import type { TransitionsStore } from '../store/transitions-store';

/** What every route needs: the stores, the clock and the org's fixed facts. */
export interface SandboxDeps {
  db: Db;
  monitors: MonitorsStore;
  downtimes: DowntimesStore;
  incidents: IncidentsStore;
  todos: TodosStore;
  transitions: TransitionsStore;
  teams: TeamsStore;
  /** Epoch microseconds, from the sandbox's clock. */
  nowUs(): number;
  orgId: number;
  /** The org's public id, as users' relationships.org carries it. */
  orgUuid: string;
  /** The user who owns the API key: creator of monitors and downtimes made through the API. */
  ownerUserId(): number;
  /** A fresh id (a v4 UUID) for downtimes, incidents, todos and teams. */
  newUuid(): string;
}
