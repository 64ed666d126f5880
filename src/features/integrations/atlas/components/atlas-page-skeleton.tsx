/** While the Atlas projects load on the first visit. */
export function AtlasPageSkeleton() {
  return (
    <main className="page" aria-busy="true">
      <h1>MongoDB Atlas</h1>
      <p className="muted-text" role="status">
        Loading Atlas projects…
      </p>
      <div className="atlas-cards" aria-hidden="true">
        {Array.from({ length: 4 }, (_, i) => (
          <div key={i} className="card card--padded atlas-card">
            <span className="skeleton skeleton--title" />
            <span className="skeleton" />
          </div>
        ))}
      </div>
    </main>
  );
}
