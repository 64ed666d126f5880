import { StatusPill } from '../../../components/ui/status-pill';
import { plural } from '../../../lib/format-time';
import type { ScopePreview } from '../utils/mute-preview';
import { groupLabel } from './groups-table';

const MAX_LISTED = 50;

interface MutePreviewProps {
  preview: ScopePreview;
  /** The whole-monitor choice: matching all is the point, not a warning. */
  whole: boolean;
}

/** Exactly which groups the scope mutes now, with their status, and warnings for none and all. */
export function MutePreview({ preview, whole }: MutePreviewProps) {
  if (!preview.ok) return null;
  const { matched, total } = preview;
  return (
    <section className="preview" aria-labelledby="mute-preview-title" aria-live="polite">
      <h3 id="mute-preview-title" className="section-title">
        Preview: mutes {matched.length} of {plural(total, 'group')}
      </h3>
      {matched.length === 0 && total > 0 && (
        <p className="notice notice--warn">
          This scope matches none of this monitor’s groups right now. It will only mute groups that appear later with
          matching tags.
        </p>
      )}
      {whole && <p className="notice">Mutes every group of this monitor, including groups that appear later.</p>}
      {!whole && preview.matchesAll && (
        <p className="notice notice--warn">
          This scope matches all {plural(total, 'group')}: the same as muting the whole monitor.
        </p>
      )}
      {matched.length > 0 && (
        <ul className="target-list" aria-label="Groups this mute matches">
          {matched.slice(0, MAX_LISTED).map((g) => (
            <li key={g.name}>
              <StatusPill status={g.status} size="sm" /> <span className="mono">{groupLabel(g)}</span>
              {g.muted && <span className="muted-text"> (already muted)</span>}
            </li>
          ))}
          {matched.length > MAX_LISTED && <li className="muted-text">and {matched.length - MAX_LISTED} more</li>}
        </ul>
      )}
    </section>
  );
}
