import type { AtlasProject } from '../../../../contract/atlas';

/** The chosen project lives in the URL (`?project=<id>`), so the page can be shared as a link. */
export const PROJECT_PARAM = 'project';

export interface ProjectChoice {
  /** The project to show: the one the URL names, else the first; null when there are none. */
  project: AtlasProject | null;
  /** The id the URL asked for when no such project is visible. */
  missing: string | null;
}

export function pickProject(projects: readonly AtlasProject[], searchParams: URLSearchParams): ProjectChoice {
  const requested = searchParams.get(PROJECT_PARAM);
  const match = requested ? projects.find((p) => p.id === requested) : undefined;
  return {
    project: match ?? projects[0] ?? null,
    missing: requested && !match ? requested : null,
  };
}
