import { useMutation } from '@tanstack/react-query';
import { InlineError } from '../../../components/errors/inline-error';
import { exportAuditCsv } from '../api/audit-queries';
import type { AuditFilters } from '../utils/audit-filters';

/** Downloads the records matching these filters as CSV (through fetch, so the request carries X-CSRF). */
export function ExportCsvButton({ filters }: { filters: AuditFilters }) {
  const exporter = useMutation({ mutationFn: exportAuditCsv });
  return (
    <div className="export-csv">
      <button type="button" className="btn" onClick={() => exporter.mutate(filters)} disabled={exporter.isPending}>
        {exporter.isPending ? 'Exporting…' : 'Export CSV'}
      </button>
      {exporter.isSuccess && (
        <span className="muted-text" role="status">
          Saved {exporter.data}
        </span>
      )}
      {exporter.error && <InlineError error={exporter.error} prefix="Export failed" />}
    </div>
  );
}
