import { Link } from 'react-router';
import { paths } from '../../config/paths';

export function NotFound() {
  return (
    <main className="page">
      <section className="error-panel">
        <h1>Page not found</h1>
        <p>There is no page at this address.</p>
        <Link className="btn btn--primary" to={paths.monitors.getHref()}>
          Go to monitors
        </Link>
      </section>
    </main>
  );
}
