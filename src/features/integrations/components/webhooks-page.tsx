import { useSuspenseQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { CustomVariable, Webhook } from '../../../contract/integrations';
import { integrationQueries } from '../api/integration-queries';
import { useDeleteCustomVariable } from '../api/use-delete-custom-variable';
import { useDeleteWebhook } from '../api/use-delete-webhook';
import { CustomVariableDialog } from './custom-variable-dialog';
import { HandleWithCopy } from './handle-list';
import { EmptyCard, IntegrationPage, IntegrationTable, ItemActions } from './integration-page';
import { RemoveDialog } from './remove-dialog';
import { WebhookDialog } from './webhook-dialog';
import { WebhookTest } from './webhook-test';

type Dialog =
  | { kind: 'create' }
  | { kind: 'edit'; webhook: Webhook }
  | { kind: 'delete'; webhook: Webhook }
  | { kind: 'create-variable' }
  | { kind: 'edit-variable'; variable: CustomVariable }
  | { kind: 'delete-variable'; variable: CustomVariable };

function DeleteWebhookDialog({ webhook, onClose }: { webhook: Webhook; onClose: () => void }) {
  const remove = useDeleteWebhook();
  return (
    <RemoveDialog
      title={`Delete webhook ${webhook.name}?`}
      confirmLabel={`Delete ${webhook.name}`}
      what={
        <>
          Datadog stops posting to <code>{webhook.url}</code> for <strong>{webhook.name}</strong>; its headers and payload are deleted too.
        </>
      }
      handle={webhook.handle}
      errorPrefix={`Webhook ${webhook.name} was not deleted`}
      remove={remove}
      variables={webhook.name}
      onClose={onClose}
    />
  );
}

function DeleteVariableDialog({ variable, onClose }: { variable: CustomVariable; onClose: () => void }) {
  const remove = useDeleteCustomVariable();
  return (
    <RemoveDialog
      title={`Delete variable ${variable.name}?`}
      confirmLabel={`Delete ${variable.name}`}
      what={
        <>
          The custom variable <code>${variable.name}</code> and its value are deleted.
        </>
      }
      consequence={`No @-handle depends on it, but webhooks whose payload, URL or headers use $${variable.name} will send it as written.`}
      errorPrefix={`Variable ${variable.name} was not deleted`}
      remove={remove}
      variables={variable.name}
      onClose={onClose}
    />
  );
}

interface WebhookCardProps {
  webhook: Webhook;
  testAvailable: boolean;
  onEdit: () => void;
  onDelete: () => void;
}

function WebhookCard({ webhook, testAvailable, onEdit, onDelete }: WebhookCardProps) {
  const id = useId();
  const headers = Object.keys(webhook.customHeaders);
  return (
    <li>
      <section className="card card--padded int-webhook" aria-labelledby={id}>
        <div className="int-webhook__head">
          <h3 id={id}>{webhook.name}</h3>
          <HandleWithCopy handle={webhook.handle} />
        </div>
        <dl className="facts int-webhook__facts">
          <div>
            <dt>URL</dt>
            <dd>
              <code className="int-break">{webhook.url}</code>
            </dd>
          </div>
          <div>
            <dt>Encoded as</dt>
            <dd>{webhook.encodeAs === 'form' ? 'Form' : webhook.encodeAs === 'json' ? 'JSON' : webhook.encodeAs}</dd>
          </div>
          <div>
            <dt>Headers</dt>
            <dd>{headers.length === 0 ? <span className="muted-text">None</span> : <code>{headers.join(', ')}</code>}</dd>
          </div>
          <div>
            <dt>Payload</dt>
            <dd>{webhook.payload ? 'Custom template' : "Datadog's default"}</dd>
          </div>
        </dl>
        <div className="int-webhook__actions">
          <ItemActions name={webhook.name} onEdit={onEdit} removeVerb="Delete" onRemove={onDelete} />
        </div>
        {testAvailable && <WebhookTest name={webhook.name} />}
      </section>
    </li>
  );
}

/** /integrations/webhooks (admins): webhooks with their @-handles and test deliveries, and the custom variables they use. */
export function WebhooksPage() {
  const { data, isFetching } = useSuspenseQuery(integrationQueries.webhooks());
  const { data: overview } = useSuspenseQuery(integrationQueries.overview());
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const close = () => setDialog(null);
  const hooksId = useId();
  const varsId = useId();

  return (
    <IntegrationPage
      title="Webhooks"
      summary="Datadog posts monitor notifications to these URLs when a monitor's message mentions the webhook's @-handle."
      lastChange={data.lastChange}
      refreshing={isFetching}
      action={{ label: 'New webhook', onClick: () => setDialog({ kind: 'create' }) }}
      partialListing={data.listing === 'partial' ? 'webhook' : null}
    >
      <section className="int-section-plain" aria-labelledby={hooksId}>
        <h2 id={hooksId} className="visually-hidden">
          Webhook list
        </h2>
        {data.webhooks.length === 0 ? (
          <EmptyCard title="No webhooks yet">Create one to send alerts to any HTTP endpoint, with your own headers and payload.</EmptyCard>
        ) : (
          <ul className="int-webhooks">
            {data.webhooks.map((webhook) => (
              <WebhookCard
                key={webhook.name}
                webhook={webhook}
                testAvailable={overview.webhookTestAvailable}
                onEdit={() => setDialog({ kind: 'edit', webhook })}
                onDelete={() => setDialog({ kind: 'delete', webhook })}
              />
            ))}
          </ul>
        )}
        {!overview.webhookTestAvailable && data.webhooks.length > 0 && (
          <p className="muted-text">Test deliveries work with the local Datadog only; against a real site, mention the handle in a test monitor.</p>
        )}
      </section>

      <section className="card int-section" aria-labelledby={varsId}>
        <div className="card__head">
          <div className="int-section__title">
            <h2 id={varsId}>Custom variables</h2>
            <span className="muted-text">Used as $NAME in payloads, URLs and headers</span>
          </div>
          <button type="button" className="btn btn--sm" onClick={() => setDialog({ kind: 'create-variable' })}>
            New variable
          </button>
        </div>
        {data.customVariables.length === 0 ? (
          <p className="card__empty muted-text">No custom variables yet.</p>
        ) : (
          <IntegrationTable label="Custom variables" columns={['Name', 'Value']}>
            {data.customVariables.map((variable) => (
              <tr key={variable.name}>
                <th scope="row">
                  <code>${variable.name}</code>
                </th>
                <td>
                  {variable.isSecret ? (
                    <>
                      <code>{variable.value ?? '******'}</code> <span className="muted-text">(secret)</span>
                    </>
                  ) : (
                    <code className="int-break">{variable.value}</code>
                  )}
                </td>
                <td className="cell-actions">
                  <ItemActions
                    name={variable.name}
                    onEdit={() => setDialog({ kind: 'edit-variable', variable })}
                    removeVerb="Delete"
                    onRemove={() => setDialog({ kind: 'delete-variable', variable })}
                  />
                </td>
              </tr>
            ))}
          </IntegrationTable>
        )}
      </section>

      {dialog?.kind === 'create' && <WebhookDialog customVariables={data.customVariables} onClose={close} />}
      {dialog?.kind === 'edit' && <WebhookDialog webhook={dialog.webhook} customVariables={data.customVariables} onClose={close} />}
      {dialog?.kind === 'delete' && <DeleteWebhookDialog webhook={dialog.webhook} onClose={close} />}
      {dialog?.kind === 'create-variable' && <CustomVariableDialog onClose={close} />}
      {dialog?.kind === 'edit-variable' && <CustomVariableDialog variable={dialog.variable} onClose={close} />}
      {dialog?.kind === 'delete-variable' && <DeleteVariableDialog variable={dialog.variable} onClose={close} />}
    </IntegrationPage>
  );
}
