import type { QueryClient } from '@tanstack/react-query';
import { Suspense } from 'react';
import type { LoaderFunctionArgs } from 'react-router';
import { requireRole } from '../../../lib/session';
import { atlasProjectQueryOptions, atlasProjectsQueryOptions } from '../../../features/integrations/atlas/api';
import { AtlasPage } from '../../../features/integrations/atlas/components/atlas-page';
import { AtlasPageSkeleton } from '../../../features/integrations/atlas/components/atlas-page-skeleton';
import { pickProject } from '../../../features/integrations/atlas/utils/project-param';

/**
 * Admins only (the BFF's Atlas routes are admin-only): the role is checked first,
 * then the projects are awaited, and the chosen project's integrations are loaded.
 * A failure of the latter shows in its own section, beside a working project picker.
 */
export const loader =
  (queryClient: QueryClient) =>
  async ({ request }: LoaderFunctionArgs) => {
    await requireRole(queryClient, request, 'admin');
    const projects = await queryClient.ensureQueryData(atlasProjectsQueryOptions());
    if (!projects.available || projects.error) return null;
    const { project } = pickProject(projects.projects, new URL(request.url).searchParams);
    if (project) await queryClient.prefetchQuery(atlasProjectQueryOptions(project.id));
    return null;
  };

export function Component() {
  return (
    <Suspense fallback={<AtlasPageSkeleton />}>
      <AtlasPage />
    </Suspense>
  );
}
