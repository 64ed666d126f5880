/** An integrations page's first load. */
export function IntegrationsSkeleton() {
  return (
    <main className="page" aria-busy="true">
      <p className="muted-text" role="status">
        Loading integrations…
      </p>
    </main>
  );
}
