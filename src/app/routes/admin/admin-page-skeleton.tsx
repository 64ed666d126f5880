/** An admin page's first load. */
export function AdminPageSkeleton() {
  return (
    <main className="page" aria-busy="true">
      <p className="muted-text" role="status">
        Loading…
      </p>
    </main>
  );
}
