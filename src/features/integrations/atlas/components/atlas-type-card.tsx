import { useEffect, useId, useRef, useState } from 'react';
import { ATLAS_TYPE_LABELS, type AtlasInput, type AtlasIntegration, type AtlasType } from '../../../../contract/atlas';
import { RelativeTime } from '../../../../components/ui/relative-time';
import { isApiError } from '../../../../lib/api-client';
import { useSuccessToast } from '../../hooks/use-success-toast';
import { useCreateAtlasIntegration } from '../mutations/use-create-atlas-integration';
import { useDeleteAtlasIntegration } from '../mutations/use-delete-atlas-integration';
import { useUpdateAtlasIntegration } from '../mutations/use-update-atlas-integration';
import { AtlasIntegrationForm } from './atlas-integration-form';
import { AtlasValues } from './atlas-values';
import { DeleteAtlasDialog } from './delete-atlas-dialog';

interface AtlasTypeCardProps {
  project: { id: string; name: string };
  type: AtlasType;
  /** What is stored for this type in the project, or null when it is not configured. */
  integration: AtlasIntegration | null;
}

/**
 * One integration type in one project: its status and values, and its form.
 * A configured type opens in edit mode (PUT), an unconfigured one in create
 * mode (POST). A create that finds the type configured meanwhile (409) never
 * overwrites it: the card switches to edit mode with the fresh values and says so.
 */
export function AtlasTypeCard({ project, type, integration }: AtlasTypeCardProps) {
  const label = ATLAS_TYPE_LABELS[type];
  const headingId = useId();
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  // Bumped to start the form again from what is stored (after a 409 or a 404).
  const [generation, setGeneration] = useState(0);
  const create = useCreateAtlasIntegration(project.id);
  const update = useUpdateAtlasIntegration(project.id);
  const remove = useDeleteAtlasIntegration(project.id);
  const toast = useSuccessToast();

  const configured = integration !== null;
  const mode = configured ? 'update' : 'create';
  const save = mode === 'create' ? create : update;

  // After a save, Cancel or delete, the focus goes to the card's main button: Edit once the
  // card shows the type configured, Configure once it shows it deleted (the refetched project
  // may render a moment after the mutation's callbacks ran).
  const primaryRef = useRef<HTMLButtonElement>(null);
  const focusPrimary = useRef<'configured' | 'unconfigured' | null>(null);
  useEffect(() => {
    const want = focusPrimary.current;
    if (!want || editing || deleting || (want === 'configured') !== configured) return;
    focusPrimary.current = null;
    primaryRef.current?.focus();
  });

  const open = () => {
    create.reset();
    update.reset();
    setNotice(null);
    setEditing(true);
  };
  const close = (then: 'configured' | 'unconfigured') => {
    focusPrimary.current = then;
    setEditing(false);
  };
  const restart = (message: string) => {
    create.reset();
    update.reset();
    setNotice(message);
    setGeneration((g) => g + 1);
  };

  const submit = (body: AtlasInput) => {
    setNotice(null);
    if (mode === 'create') {
      create.mutate(
        { type, body },
        {
          onSuccess: () => {
            toast(`${label} configured for ${project.name}`);
            close('configured');
          },
          onError: (error) => {
            // The project has loaded again by now (the mutation refreshes it first): show what is stored, in edit mode.
            if (isApiError(error) && error.status === 409) restart(`${label} was configured meanwhile — review it and edit`);
          },
        },
      );
    } else {
      update.mutate(
        { type, body },
        {
          onSuccess: () => {
            toast(`${label} saved for ${project.name}`);
            close('configured');
          },
          onError: (error) => {
            if (isApiError(error) && error.status === 404) restart(`${label} was deleted meanwhile — configure it again to use it`);
          },
        },
      );
    }
  };

  const confirmDelete = () =>
    remove.mutate(type, {
      onSuccess: () => {
        toast(`${label} deleted from ${project.name}`);
        focusPrimary.current = 'unconfigured';
        setDeleting(false);
      },
      onError: (error) => {
        // Deleted by someone else meanwhile: what was asked for is done.
        if (isApiError(error) && error.status === 404) {
          remove.reset();
          focusPrimary.current = 'unconfigured';
          setDeleting(false);
          setNotice(`${label} was already deleted`);
        }
      },
    });

  return (
    <section
      className={`card atlas-card${configured ? ' atlas-card--configured' : ''}${editing ? ' atlas-card--editing' : ''}`}
      aria-labelledby={headingId}
    >
      <header className="atlas-card__head">
        <h3 id={headingId}>{label}</h3>
        <span className={`atlas-status ${configured ? 'atlas-status--on' : 'atlas-status--off'}`}>
          <span className="atlas-status__dot" aria-hidden="true" />
          {configured ? 'Configured' : 'Not configured'}
        </span>
      </header>

      {integration?.lastChange && (
        <p className="atlas-card__meta">
          Last changed <RelativeTime at={integration.lastChange.at} /> by {integration.lastChange.by}
        </p>
      )}

      {notice && (
        <p className="notice notice--warn atlas-card__notice" role="alert">
          {notice}
        </p>
      )}

      {editing ? (
        <AtlasIntegrationForm
          key={`${mode}-${generation}`}
          type={type}
          mode={mode}
          stored={integration?.values ?? null}
          pending={save.isPending}
          error={save.error}
          onSubmit={submit}
          onCancel={() => {
            setNotice(null);
            close(configured ? 'configured' : 'unconfigured');
          }}
        />
      ) : configured ? (
        <>
          <AtlasValues type={type} integration={integration} />
          <div className="atlas-card__actions">
            <button ref={primaryRef} type="button" className="btn btn--sm" aria-label={`Edit ${label}`} onClick={open}>
              Edit
            </button>
            <button
              type="button"
              className="btn btn--sm btn--danger-outline"
              aria-label={`Delete ${label}`}
              onClick={() => {
                remove.reset();
                setDeleting(true);
              }}
            >
              Delete
            </button>
          </div>
        </>
      ) : (
        <>
          <p className="atlas-card__empty">
            Atlas sends no alerts from {project.name} to {label}.
          </p>
          <div className="atlas-card__actions">
            <button ref={primaryRef} type="button" className="btn btn--sm" aria-label={`Configure ${label}`} onClick={open}>
              Configure
            </button>
          </div>
        </>
      )}

      {deleting && configured && (
        <DeleteAtlasDialog
          projectName={project.name}
          type={type}
          pending={remove.isPending}
          error={remove.error}
          onConfirm={confirmDelete}
          onClose={() => setDeleting(false)}
        />
      )}
    </section>
  );
}
