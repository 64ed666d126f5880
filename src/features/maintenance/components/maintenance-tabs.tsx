import { NavLink } from 'react-router';
import { paths } from '../../../config/paths';

const TABS = [
  { to: paths.maintenance.getHref(), label: 'Windows', end: true },
  { to: paths.maintenanceCalendar.getHref(), label: 'Calendar', end: false },
  { to: paths.maintenanceHygiene.getHref(), label: 'Hygiene', end: false },
  { to: paths.maintenancePlan.getHref(), label: 'Plan a window', end: false },
] as const;

/** The sub-navigation shared by every maintenance page; the current page is marked for screen readers too. */
export function MaintenanceTabs() {
  return (
    <nav aria-label="Maintenance" className="maintenance-tabs">
      <ul>
        {TABS.map((t) => (
          <li key={t.to}>
            <NavLink to={t.to} end={t.end}>
              {t.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
