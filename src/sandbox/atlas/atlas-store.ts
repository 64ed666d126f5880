import type { AtlasType, AtlasValues } from '../../contract/atlas';
import type { Db } from '../store/db';

export interface AtlasProjectRow {
  id: string;
  name: string;
  org_id: string;
  cluster_count: number;
  created_us: number;
}

/** One configuration of one type in one project. `values` holds the secrets as given (never read back). */
export interface AtlasIntegrationRow {
  id: string;
  project_id: string;
  type: AtlasType;
  values: AtlasValues;
  created_us: number;
  modified_us: number;
}

interface IntegrationDbRow extends Omit<AtlasIntegrationRow, 'values'> {
  field_values: string;
}

function fromDb(r: IntegrationDbRow): AtlasIntegrationRow {
  return {
    id: r.id,
    project_id: r.project_id,
    type: r.type,
    values: JSON.parse(r.field_values) as AtlasValues,
    created_us: r.created_us,
    modified_us: r.modified_us,
  };
}

/** Atlas projects (groups) and their third-party integrations. */
export class AtlasStore {
  constructor(private readonly db: Db) {}

  insertProject(p: AtlasProjectRow): void {
    this.db
      .prepare('INSERT INTO atlas_projects (id, name, org_id, cluster_count, created_us) VALUES (@id, @name, @org_id, @cluster_count, @created_us)')
      .run(p);
  }

  /** Every project, oldest first. */
  listProjects(): AtlasProjectRow[] {
    return this.db.prepare('SELECT id, name, org_id, cluster_count, created_us FROM atlas_projects ORDER BY seq').all() as AtlasProjectRow[];
  }

  getProject(id: string): AtlasProjectRow | undefined {
    return this.db.prepare('SELECT id, name, org_id, cluster_count, created_us FROM atlas_projects WHERE id = ?').get(id) as
      | AtlasProjectRow
      | undefined;
  }

  countProjects(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM atlas_projects').get() as { n: number }).n;
  }

  /** A project's integrations, in the order they were configured. */
  listIntegrations(projectId: string): AtlasIntegrationRow[] {
    return (this.db.prepare('SELECT * FROM atlas_integrations WHERE project_id = ? ORDER BY seq').all(projectId) as IntegrationDbRow[]).map(fromDb);
  }

  getIntegration(projectId: string, type: AtlasType): AtlasIntegrationRow | undefined {
    const r = this.db.prepare('SELECT * FROM atlas_integrations WHERE project_id = ? AND type = ?').get(projectId, type) as
      | IntegrationDbRow
      | undefined;
    return r ? fromDb(r) : undefined;
  }

  /** False when the project already has one of this type. */
  insertIntegration(row: AtlasIntegrationRow): boolean {
    const r = this.db
      .prepare(
        `INSERT INTO atlas_integrations (id, project_id, type, field_values, created_us, modified_us)
         VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (project_id, type) DO NOTHING`,
      )
      .run(row.id, row.project_id, row.type, JSON.stringify(row.values), row.created_us, row.modified_us);
    return r.changes > 0;
  }

  updateValues(projectId: string, type: AtlasType, values: AtlasValues, modifiedUs: number): boolean {
    const r = this.db
      .prepare('UPDATE atlas_integrations SET field_values = ?, modified_us = ? WHERE project_id = ? AND type = ?')
      .run(JSON.stringify(values), modifiedUs, projectId, type);
    return r.changes > 0;
  }

  deleteIntegration(projectId: string, type: AtlasType): boolean {
    return this.db.prepare('DELETE FROM atlas_integrations WHERE project_id = ? AND type = ?').run(projectId, type).changes > 0;
  }
}
