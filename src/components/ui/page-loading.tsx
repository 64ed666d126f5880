interface PageLoadingProps {
  /** The page's class: "page" for pages inside the app's frame, "login" for the sign-in page. */
  className?: string;
}

/** A page whose code or first data is still loading: a busy main region with a polite "Loading…". */
export function PageLoading({ className = 'page' }: PageLoadingProps) {
  return (
    <main className={className} aria-busy="true">
      <p className="muted-text" role="status">
        Loading…
      </p>
    </main>
  );
}
