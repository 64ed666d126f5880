import { useSuspenseQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { ATLAS_TYPES, type AtlasIntegration, type AtlasType } from '../../../../contract/atlas';
import { atlasProjectQueryOptions } from '../api';
import { AtlasTypeCard } from './atlas-type-card';

const isAtlasType = (t: string): t is AtlasType => (ATLAS_TYPES as readonly string[]).includes(t);

/**
 * One project's integrations: a card per type, the configured ones first. The
 * cards are one keyed list, so a card that becomes configured moves up and keeps
 * its state (an open form, a notice).
 */
export function AtlasProjectIntegrations({ projectId }: { projectId: string }) {
  const { data } = useSuspenseQuery(atlasProjectQueryOptions(projectId));
  const headingId = useId();
  const byType = new Map<string, AtlasIntegration>(data.integrations.map((i) => [i.type, i]));
  const configured = ATLAS_TYPES.filter((t) => byType.has(t));
  const order = [...configured, ...ATLAS_TYPES.filter((t) => !byType.has(t))];
  const unknown = data.integrations.map((i) => i.type).filter((t) => !isAtlasType(t));
  const project = { id: data.project.id, name: data.project.name };

  return (
    <section className="atlas-project" aria-labelledby={headingId}>
      <div className="atlas-project__head">
        <h2 id={headingId}>{project.name}</h2>
        <p className="muted-text">
          {configured.length === 0
            ? 'No integration configured: Atlas sends this project’s alerts nowhere else.'
            : `${configured.length} of ${ATLAS_TYPES.length} integration types configured`}
        </p>
      </div>
      {unknown.length > 0 && (
        <p className="notice">
          Atlas also has {unknown.map((t, i) => (
            <span key={t}>
              {i > 0 && ', '}
              <code>{t}</code>
            </span>
          ))}{' '}
          configured here, a type watchdeck does not edit.
        </p>
      )}
      <div className="atlas-cards">
        {order.map((type) => (
          <AtlasTypeCard key={type} project={project} type={type} integration={byType.get(type) ?? null} />
        ))}
      </div>
    </section>
  );
}
