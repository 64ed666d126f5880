import { useCan } from '../../../lib/session';
import { RecentResults } from './recent-results';
import { SubmitCheckForm } from './submit-check-form';

/**
 * /service-checks: responders and admins submit a check result (Datadog's
 * check_run); everyone sees the latest status per check and host.
 */
export function ServiceChecksPage() {
  const canSubmit = useCan('responder');
  return (
    <main className="page">
      <div className="page__head">
        <h1>Service checks</h1>
      </div>
      <p className="muted-text checks-intro">
        A service check says whether something is up: OK, WARNING, CRITICAL or UNKNOWN, for one host. Service check monitors turn the
        latest results into group states, and notify.
      </p>
      <div className={`checks-layout${canSubmit ? '' : ' checks-layout--single'}`}>
        {canSubmit ? (
          <SubmitCheckForm />
        ) : (
          <p className="notice checks-viewer-note">Responders and admins submit check results; as a viewer you see them here.</p>
        )}
        <RecentResults />
      </div>
    </main>
  );
}
