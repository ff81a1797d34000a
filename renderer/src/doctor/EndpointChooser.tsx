/**
 * The learner picks the engine Dockside uses: one of the endpoints the doctor found, or "follow
 * the docker CLI". The choice persists; the connection, the checks and every terminal opened
 * afterwards follow it.
 */
import type { DoctorEndpoint, DoctorReport, EngineStatus } from '@contract';
import { useState } from 'react';
import { api } from '../api';
import { endpointStateLabel, foundByText, namedContexts } from './labels';
import { useChosenEndpoint } from './useChosenEndpoint';
import { messageOf } from '../api/message-of';

interface EndpointChooserProps {
  report: DoctorReport;
  engine: EngineStatus;
}

/** null: follow the docker CLI. */
type Choice = { host: string; context?: string } | null;

export function EndpointChooser({ report, engine }: EndpointChooserProps) {
  const [pending, setPending] = useState<Choice | undefined>(undefined);
  const [outcome, setOutcome] = useState<{ kind: 'ok' | 'bad'; text: string } | null>(null);

  // The settings are the truth about the choice; the report may be a run behind.
  const saved = useChosenEndpoint();
  const chosenHost = saved !== undefined ? (saved?.host ?? null) : report.inUse.chosen ? report.inUse.host : null;
  const selected = pending !== undefined ? (pending?.host ?? null) : chosenHost;
  const connectedHost = engine.state === 'connected' ? engine.endpoint.host : null;

  const choose = (choice: Choice) => {
    setPending(choice);
    setOutcome(null);
    api.doctor.chooseEndpoint({ endpoint: choice }).then(
      ({ engine: status }) => {
        setPending(undefined);
        setOutcome(
          status.state === 'connected'
            ? {
                kind: 'ok',
                text: `Dockside now uses ${status.endpoint.host}. New terminals get DOCKER_HOST=${status.endpoint.host}.`,
              }
            : {
                kind: 'bad',
                text: `Saved, but ${status.state === 'unreachable' ? status.error : 'the engine is not connected yet'}`,
              },
        );
      },
      (error: unknown) => {
        setPending(undefined);
        setOutcome({ kind: 'bad', text: messageOf(error) });
      },
    );
  };

  return (
    <fieldset className="doctor-chooser" disabled={pending !== undefined} data-testid="doctor-endpoints">
      <legend>Which engine Dockside uses</legend>
      <label className="doctor-endpoint" data-testid="doctor-endpoint-cli">
        <input type="radio" name="doctor-endpoint" checked={selected === null} onChange={() => choose(null)} />
        <span className="doctor-endpoint-body">
          <span className="doctor-endpoint-title">Follow the docker CLI</span>
          <span className="doctor-endpoint-detail">
            {report.cli.host ? (
              <>
                now <code>{report.cli.host}</code>
                {report.cli.context && report.cli.context !== 'default' ? ` (context ${report.cli.context})` : ''}
              </>
            ) : (
              (report.cli.error ?? 'no endpoint resolves')
            )}
          </span>
        </span>
      </label>
      {report.endpoints.map((endpoint) => (
        <EndpointOption
          key={endpoint.host}
          endpoint={endpoint}
          checked={selected === endpoint.host}
          connected={connectedHost === endpoint.host}
          onChoose={() => choose({ host: endpoint.host, ...(endpoint.contexts[0] ? { context: endpoint.contexts[0] } : {}) })}
        />
      ))}
      {pending !== undefined && (
        <p className="doctor-chooser-note" role="status">
          Switching…
        </p>
      )}
      {outcome && (
        <p className={`doctor-chooser-note doctor-chooser-${outcome.kind}`} role="status" data-testid="doctor-choice-outcome">
          {outcome.text}
        </p>
      )}
    </fieldset>
  );
}

interface EndpointOptionProps {
  endpoint: DoctorEndpoint;
  checked: boolean;
  connected: boolean;
  onChoose: () => void;
}

function EndpointOption({ endpoint, checked, connected, onChoose }: EndpointOptionProps) {
  const found = foundByText(endpoint);
  const contexts = namedContexts(endpoint);
  return (
    <label className="doctor-endpoint" data-testid="doctor-endpoint" data-host={endpoint.host} data-state={endpoint.state}>
      <input
        type="radio"
        name="doctor-endpoint"
        checked={checked}
        onChange={onChoose}
        aria-label={`Use ${endpoint.label} at ${endpoint.host}`}
      />
      <span className="doctor-endpoint-body">
        <span className="doctor-endpoint-title">
          {endpoint.label}
          {contexts.length > 0 && <span className="doctor-endpoint-context">context {contexts.join(', ')}</span>}
          <span className={`doctor-badge doctor-state-${endpoint.state}`}>{endpointStateLabel(endpoint.state)}</span>
          {connected && <span className="doctor-badge doctor-badge-connected">Connected</span>}
          {endpoint.cliDefault && <span className="doctor-badge">docker CLI default</span>}
        </span>
        <code className="doctor-endpoint-host">{endpoint.host}</code>
        <span className="doctor-endpoint-detail">
          {endpoint.engine
            ? `${endpoint.engine.product} ${endpoint.engine.version} · API ${endpoint.engine.apiVersion} · ${endpoint.engine.os}`
            : endpoint.error}
        </span>
        {found && <span className="doctor-endpoint-meta">found as {found}</span>}
      </span>
    </label>
  );
}
