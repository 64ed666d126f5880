import { useSuspenseQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { PagerDutyService } from '../../../contract/integrations';
import { integrationQueries } from '../api/integration-queries';
import { useDeletePagerDutyService } from '../api/use-delete-pagerduty-service';
import { HandleWithCopy } from './handle-list';
import { EmptyCard, IntegrationPage, IntegrationTable, ItemActions } from './integration-page';
import { AddPagerDutyServiceDialog, ReplaceKeyDialog } from './pagerduty-dialogs';
import { RemoveDialog } from './remove-dialog';

type Dialog = { kind: 'add' } | { kind: 'key'; service: PagerDutyService } | { kind: 'remove'; service: PagerDutyService };

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
      remove={remove}
      variables={service.name}
      onClose={onClose}
    />
  );
}

/** /integrations/pagerduty (admins): the services monitors can page, each key shown only as its mask. */
export function PagerDutyPage() {
  const { data, isFetching } = useSuspenseQuery(integrationQueries.pagerduty());
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const close = () => setDialog(null);

  return (
    <IntegrationPage
      title="PagerDuty"
      summary="Monitors page these PagerDuty services when their message mentions the service's @-handle."
      lastChange={data.lastChange}
      refreshing={isFetching}
      action={{ label: 'Add PagerDuty service', onClick: () => setDialog({ kind: 'add' }) }}
      partialListing={data.listing === 'partial' ? 'service' : null}
    >
      {data.services.length === 0 ? (
        <EmptyCard title="No PagerDuty services yet">Add a service with the integration key PagerDuty gives its Datadog integration.</EmptyCard>
      ) : (
        <IntegrationTable label="PagerDuty services" columns={['Service', 'Service key', '@-handle']}>
          {data.services.map((service) => (
            <tr key={service.name}>
              <th scope="row">{service.name}</th>
              <td>{service.serviceKey ? <code>{service.serviceKey}</code> : <span className="muted-text">Not stored</span>}</td>
              <td>
                <HandleWithCopy handle={service.handle} />
              </td>
              <td className="cell-actions">
                <ItemActions name={service.name} onRemove={() => setDialog({ kind: 'remove', service })}>
                  <button type="button" className="btn btn--sm" aria-label={`Replace key of ${service.name}`} onClick={() => setDialog({ kind: 'key', service })}>
                    Replace key
                  </button>
                </ItemActions>
              </td>
            </tr>
          ))}
        </IntegrationTable>
      )}

      {dialog?.kind === 'add' && <AddPagerDutyServiceDialog onClose={close} />}
      {dialog?.kind === 'key' && <ReplaceKeyDialog service={dialog.service} onClose={close} />}
      {dialog?.kind === 'remove' && <RemoveServiceDialog service={dialog.service} onClose={close} />}
    </IntegrationPage>
  );
}
