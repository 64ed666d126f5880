import { useId } from 'react';

/** The BFF has no Atlas keys (`available: false`): what is missing and where it goes. */
export function AtlasUnavailable() {
  const titleId = useId();
  return (
    <section className="card card--padded atlas-unavailable" aria-labelledby={titleId}>
      <h2 id={titleId}>Atlas is not connected</h2>
      <p>The watchdeck server has no MongoDB Atlas API key, so it can neither read nor change Atlas integrations.</p>
      <p>To connect it, create an Atlas programmatic API key with the Project Owner role on the projects to manage, then set on the server:</p>
      <dl className="atlas-unavailable__vars">
        <div>
          <dt>
            <code>ATLAS_PUBLIC_KEY</code>
          </dt>
          <dd>the key’s public part</dd>
        </div>
        <div>
          <dt>
            <code>ATLAS_PRIVATE_KEY</code>
          </dt>
          <dd>its private part; it stays on the server and never reaches the browser</dd>
        </div>
      </dl>
      <p className="muted-text">Restart watchdeck after setting them. In embedded mode the local Atlas needs no key.</p>
    </section>
  );
}
