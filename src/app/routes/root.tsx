import { useQuery } from '@tanstack/react-query';
import { NavLink, Outlet, useNavigation } from 'react-router';
import { paths } from '../../config/paths';
import { Toaster } from '../../components/ui/toaster';
import { appConfigQueryOptions, describeMode } from '../../lib/app-config-query';

/** The shell: top nav with the mode badge, the page, and background-error notices. */
export function RootLayout() {
  const { data: config } = useQuery(appConfigQueryOptions);
  const navigation = useNavigation();
  return (
    <div className="shell">
      <a className="skip-link" href="#content">
        Skip to content
      </a>
      <header className="topnav">
        <NavLink to={paths.monitors.getHref()} className="brand">
          <img src="/favicon.svg" alt="" width={20} height={20} />
          watchdeck
        </NavLink>
        <nav aria-label="Main">
          <ul className="topnav__links">
            <li>
              <NavLink to={paths.monitors.getHref()} className={({ isActive }) => `topnav__link${isActive ? ' is-active' : ''}`}>
                Monitors
              </NavLink>
            </li>
          </ul>
        </nav>
        <span className="topnav__spacer" />
        {config && (
          <span className={`mode-badge mode-badge--${config.mode}`} title={`Data source: ${config.mode} mode`}>
            {describeMode(config)}
          </span>
        )}
      </header>
      {navigation.state === 'loading' && <div className="nav-progress" role="progressbar" aria-label="Loading page" />}
      <div id="content" className="shell__content">
        <Outlet />
      </div>
      <Toaster />
    </div>
  );
}
