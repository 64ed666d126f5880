import type { WebhookTestResult } from '../../../contract/integrations';
import { InlineError } from '../../../components/errors/inline-error';
import { useSendWebhookTest } from '../api/use-send-webhook-test';

function headline(result: WebhookTestResult): string {
  if (result.ok) return `Delivered: the receiver answered ${result.status} in ${Math.round(result.durationMs)} ms.`;
  return result.status === null ? 'Not delivered: the receiver could not be reached.' : `Not delivered: the receiver answered ${result.status}.`;
}

function TestOutcome({ result }: { result: WebhookTestResult }) {
  return (
    <div className={`int-test-result${result.ok ? ' is-ok' : ' is-failed'}`}>
      <p className="int-test-result__label">{result.status === null ? 'Error' : 'Response body'}</p>
      <pre className="int-code int-code--small" aria-label="Receiver's answer" tabIndex={0}>
        {result.body || '(empty)'}
      </pre>
      <details>
        <summary>Payload sent</summary>
        <pre className="int-code int-code--small">{result.sent}</pre>
      </details>
    </div>
  );
}

/**
 * Send test (embedded mode: the local Datadog delivers a sample alert): what the
 * receiver answered, or why the test could not be sent, shown under the button.
 */
export function WebhookTest({ name }: { name: string }) {
  const test = useSendWebhookTest();
  return (
    <div className="int-test">
      <button type="button" className="btn btn--sm" disabled={test.isPending} onClick={() => test.mutate(name)}>
        {test.isPending ? 'Sending…' : 'Send test'}
      </button>
      {/* Only the outcome is announced; the bodies below it are there to read. */}
      <p role="status" className={`int-test__status${test.data?.ok ? ' is-ok' : ' is-failed'}`}>
        {test.data && !test.isPending ? headline(test.data) : ''}
      </p>
      {test.data && !test.isPending && <TestOutcome result={test.data} />}
      {test.error && !test.isPending && <InlineError error={test.error} prefix="The test was not sent" />}
    </div>
  );
}
