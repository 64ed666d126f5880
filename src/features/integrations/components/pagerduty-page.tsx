import { useSuspenseQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { PagerDutyService } from '../../../contract/integrations';
import { integrationQueries } from '../api/integration-queries';
import { useDeletePagerDutyService } from '../api/use-delete-pagerduty-service';
import { HandleWithCopy } from './handle-list';
import { IntegrationPageHead } from './integration-page-head';
import { AddPagerDutyServiceDialog, ReplaceKeyDialog } from './pagerduty-dialogs';
import { RemoveDialog } from './remove-dialog';

type Dialog = { kind: 'none' } | { kind: 'add' } | { kind: 'key'; service: PagerDutyService } | { kind: 'remove'; service: PagerDutyService };

function RemoveServiceDialog({ service, onClose }: { service: PagerDutyService; onClose: () => void }) {
  const remove = useDeletePagerDutyService();
  return (
    <RemoveDialog
      title={`Remove PagerDuty service ${service.name}?`}
      confirmLabel={`Remove ${service.name}`}
      what={
        <>
          Datadog forgets the PagerDuty service <strong>{service.name}</strong> and its key.
        </>
      }
      handle={service.handle}
      errorPrefix={`${service.name} was not removed`}
      pending={remove.isPending}
      error={remove.error}
      onConfirm={() => remove.mutate(service.name, { onSuccess: onClose })}
      onClose={onClose}
    />
  );
}

/** /integrations/pagerduty (admins): the services monitors can page, each key shown only as its mask. */
export function PagerDutyPage() {
  const { data, isFetching } = useSuspenseQuery(integrationQueries.pagerduty());
  const [dialog, setDialog] = useState<Dialog>({ kind: 'none' });
  const close = () => setDialog({ kind: 'none' });

  return (
    <main className="page">
      <IntegrationPageHead
        title="PagerDuty"
        summary="Monitors page these PagerDuty services when their message mentions the service's @-handle."
        lastChange={data.lastChange}
        refreshing={isFetching}
        actions={
          <button type="button" className="btn btn--primary" onClick={() => setDialog({ kind: 'add' })}>
            Add PagerDuty service
          </button>
        }
      />

      {data.listing === 'partial' && (
        <p className="notice notice--warn" role="note">
          Datadog did not list every service; showing the ones watchdeck knows.
        </p>
      )}

      {data.services.length === 0 ? (
        <div className="empty card">
          <p className="empty__title">No PagerDuty services yet</p>
          <p className="muted-text">Add a service with the integration key PagerDuty gives its Datadog integration.</p>
        </div>
      ) : (
        <table className="table int-table" aria-label="PagerDuty services">
          <thead>
            <tr>
              <th scope="col">Service</th>
              <th scope="col">Service key</th>
              <th scope="col">@-handle</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {data.services.map((service) => (
              <tr key={service.name}>
                <th scope="row">{service.name}</th>
                <td>{service.serviceKey ? <code>{service.serviceKey}</code> : <span className="muted-text">Not stored</span>}</td>
                <td>
                  <HandleWithCopy handle={service.handle} />
                </td>
                <td className="cell-actions">
                  <button
                    type="button"
                    className="btn btn--sm"
                    aria-label={`Replace key of ${service.name}`}
                    onClick={() => setDialog({ kind: 'key', service })}
                  >
                    Replace key
                  </button>
                  <button type="button" className="btn btn--sm btn--danger-outline" onClick={() => setDialog({ kind: 'remove', service })}>
                    Remove {service.name}…
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {dialog.kind === 'add' && <AddPagerDutyServiceDialog onClose={close} />}
      {dialog.kind === 'key' && <ReplaceKeyDialog service={dialog.service} onClose={close} />}
      {dialog.kind === 'remove' && <RemoveServiceDialog service={dialog.service} onClose={close} />}
    </main>
  );
}
