/** The incident page's first load: header and timeline placeholders. */
export function IncidentDetailSkeleton() {
  return (
    <main className="page" aria-busy="true">
      <p className="muted-text" role="status">
        Loading incident…
      </p>
      <div className="detail-head">
        <span className="skeleton skeleton--title" />
        <span className="skeleton" />
      </div>
      <div className="card card--padded" aria-hidden="true">
        {Array.from({ length: 6 }, (_, i) => (
          <p key={i}>
            <span className="skeleton" />
          </p>
        ))}
      </div>
    </main>
  );
}
