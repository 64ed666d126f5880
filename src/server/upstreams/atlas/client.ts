import { createRedactor, type Redactor } from '../../lib/redact';
import type { FetchLike } from '../http-common';
import { createAtlasHttp } from './http';
import {
  RawGroupPageSchema,
  RawGroupSchema,
  RawIntegrationPageSchema,
  RawIntegrationSchema,
  RawIntegrationWriteResultSchema,
  type RawGroup,
  type RawIntegration,
  type RawIntegrationWrite,
  type RawIntegrationWriteResult,
} from './schemas';

/**
 * The Atlas Admin API v2 calls the BFF makes: a fixed allowlist of methods
 * and path templates on one base URL, with HTTP Digest auth. Ids and types are
 * encoded into the path; nothing the browser sends picks a host, a header or
 * another path.
 */
export interface AtlasClientOptions {
  baseUrl: string;
  publicKey: string;
  privateKey: string;
  fetch: FetchLike;
  timeoutMs: number;
  /** GET retries on 5xx/network errors (default 2). */
  retries?: number;
  retryBaseMs?: number;
  now?: () => number;
  /** Digest client nonces; random by default. */
  cnonce?: () => string;
}

export interface AtlasClient {
  /** Every project the key can see (paged through, at most MAX_PROJECT_PAGES pages). */
  listProjects(): Promise<RawGroup[]>;
  getProject(projectId: string): Promise<RawGroup>;
  listIntegrations(projectId: string): Promise<RawIntegration[]>;
  getIntegration(projectId: string, type: string): Promise<RawIntegration>;
  createIntegration(projectId: string, type: string, body: RawIntegrationWrite): Promise<RawIntegrationWriteResult>;
  updateIntegration(projectId: string, type: string, body: RawIntegrationWrite): Promise<RawIntegrationWriteResult>;
  deleteIntegration(projectId: string, type: string): Promise<void>;
  /** Scrubs this client's keys (public and private) out of a text. */
  redact: Redactor;
}

export const PROJECTS_PER_PAGE = 500;
export const MAX_PROJECT_PAGES = 10;
/** Ten types exist; one page of 100 holds every integration of a project. */
const INTEGRATIONS_PER_PAGE = 100;

const seg = (value: string) => encodeURIComponent(value);
const GROUPS = '/api/atlas/v2/groups';
const ONE_GROUP = `${GROUPS}/{groupId}`;
const INTEGRATIONS = `${ONE_GROUP}/integrations`;
const ONE_INTEGRATION = `${INTEGRATIONS}/{integrationType}`;

export function createAtlasClient(options: AtlasClientOptions): AtlasClient {
  const redact = createRedactor([options.publicKey, options.privateKey]);
  const send = createAtlasHttp({
    ...options,
    redact,
    retries: options.retries ?? 2,
    retryBaseMs: options.retryBaseMs ?? 100,
    now: options.now ?? Date.now,
  });
  const integrationPath = (projectId: string, type: string) => `${GROUPS}/${seg(projectId)}/integrations/${seg(type)}`;

  return {
    redact,
    async listProjects() {
      const all: RawGroup[] = [];
      const seen = new Set<string>();
      for (let pageNum = 1; pageNum <= MAX_PROJECT_PAGES; pageNum++) {
        const page = await send({
          method: 'GET',
          template: GROUPS,
          path: GROUPS,
          query: { pageNum, itemsPerPage: PROJECTS_PER_PAGE },
          schema: RawGroupPageSchema,
        });
        const before = seen.size;
        for (const group of page.results) {
          if (seen.has(group.id)) continue;
          seen.add(group.id);
          all.push(group);
        }
        const done = page.results.length < PROJECTS_PER_PAGE || seen.size === before || (page.totalCount !== undefined && seen.size >= page.totalCount);
        if (done) break;
      }
      return all;
    },
    getProject: (projectId) =>
      send({ method: 'GET', template: ONE_GROUP, path: `${GROUPS}/${seg(projectId)}`, schema: RawGroupSchema }),
    listIntegrations: async (projectId) =>
      (
        await send({
          method: 'GET',
          template: INTEGRATIONS,
          path: `${GROUPS}/${seg(projectId)}/integrations`,
          query: { itemsPerPage: INTEGRATIONS_PER_PAGE },
          schema: RawIntegrationPageSchema,
        })
      ).results,
    getIntegration: (projectId, type) =>
      send({ method: 'GET', template: ONE_INTEGRATION, path: integrationPath(projectId, type), schema: RawIntegrationSchema }),
    createIntegration: (projectId, type, body) =>
      send({
        method: 'POST',
        template: ONE_INTEGRATION,
        path: integrationPath(projectId, type),
        body,
        schema: RawIntegrationWriteResultSchema,
      }),
    updateIntegration: (projectId, type, body) =>
      send({
        method: 'PUT',
        template: ONE_INTEGRATION,
        path: integrationPath(projectId, type),
        body,
        schema: RawIntegrationWriteResultSchema,
      }),
    deleteIntegration: (projectId, type) =>
      send({ method: 'DELETE', template: ONE_INTEGRATION, path: integrationPath(projectId, type), schema: null }),
  };
}
