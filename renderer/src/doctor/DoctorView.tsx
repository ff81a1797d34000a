/**
 * The environment doctor: every Docker engine, Kubernetes cluster and tool on this machine, what
 * is wrong with them (one fix each, for this OS), and the choice of which engine Dockside uses.
 */
import { useEngineStatus } from '../hooks/useEngineStatus';
import { EndpointChooser } from './EndpointChooser';
import { KubernetesSection } from './KubernetesSection';
import { ProblemList } from './ProblemList';
import { ToolsSection } from './ToolsSection';
import { useDoctorReport } from './useDoctorReport';
import './doctor.css';

export interface DoctorViewProps {
  /** Shown as a "Close" button when the view is mounted as an overlay. */
  onClose?: () => void;
}

export function DoctorView({ onClose }: DoctorViewProps) {
  const { report, running, error, refresh } = useDoctorReport();
  const engine = useEngineStatus();
  return (
    <div className="doctor" data-testid="doctor-view" aria-busy={running}>
      <header className="doctor-header">
        <div>
          <h1>Your setup</h1>
          <p className="doctor-muted">
            {report
              ? `Checked ${new Date(report.generatedAt).toLocaleTimeString()} in ${report.durationMs} ms`
              : running
                ? 'Looking at your engines, clusters and tools…'
                : ''}
          </p>
        </div>
        <div className="doctor-header-actions">
          <button type="button" onClick={refresh} disabled={running} data-testid="doctor-refresh">
            {running ? 'Checking…' : 'Check again'}
          </button>
          {onClose && (
            <button type="button" onClick={onClose}>
              Close
            </button>
          )}
        </div>
      </header>
      {error && (
        <p className="doctor-error" role="alert">
          The doctor could not run: {error}
        </p>
      )}
      {report && (
        <>
          <section className="doctor-section" aria-labelledby="doctor-problems">
            <h2 id="doctor-problems">{report.problems.length === 0 ? 'No problems' : `Problems (${report.problems.length})`}</h2>
            <ProblemList problems={report.problems} />
          </section>
          <section className="doctor-section" aria-labelledby="doctor-docker">
            <h2 id="doctor-docker">Docker engines</h2>
            <EndpointChooser report={report} engine={engine} />
          </section>
          <KubernetesSection report={report} />
          <ToolsSection report={report} />
        </>
      )}
    </div>
  );
}
