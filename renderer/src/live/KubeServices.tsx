/** A Kubernetes run's Services: type and ports, and the endpoints their EndpointSlices list, ready or not. */
import type { KubeServiceNode } from '@contract';

export function ServiceItem({ service }: { service: KubeServiceNode }) {
  const ready = service.endpoints.filter((e) => e.ready).length;
  const tone = ready > 0 ? 'ok' : 'warn';
  return (
    <li
      className="kube-node kube-service live-card"
      data-testid="kube-service"
      data-name={service.name}
      data-ready-endpoints={ready}
      aria-label={`Service ${service.name}, ${service.type}: ${ready} ready endpoint${ready === 1 ? '' : 's'}`}
    >
      <div className="kube-row">
        <ServiceGlyph tone={tone} />
        <span className="kube-kind">Service</span>
        <span className="kube-name">{service.name}</span>
        <span className={`live-pill live-pill-${tone}`}>
          {ready} ready endpoint{ready === 1 ? '' : 's'}
        </span>
      </div>
      <div className="kube-meta">
        {service.type}
        {service.ports.length > 0 ? ` · ${service.ports.join(', ')}` : ''}
      </div>
      {service.endpoints.length > 0 && (
        <ul className="kube-children" aria-label={`Endpoints of Service ${service.name}`}>
          {service.endpoints.map((e) => (
            <li
              key={e.address}
              className="kube-node kube-endpoint"
              data-testid="kube-endpoint"
              aria-label={`Endpoint ${e.address}${e.pod ? ` (pod ${e.pod})` : ''}: ${e.ready ? 'ready' : 'not ready'}`}
            >
              <div className="kube-row">
                <span className={`kube-dot kube-dot-${e.ready ? 'ok' : 'warn'}`} aria-hidden />
                <code className="kube-address">{e.address}</code>
                {e.pod && <span className="kube-meta-inline">→ {e.pod}</span>}
                <span className={`live-pill live-pill-${e.ready ? 'ok' : 'warn'}`}>{e.ready ? 'ready' : 'not ready'}</span>
              </div>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

function ServiceGlyph({ tone }: { tone: string }) {
  return (
    <svg className={`live-glyph live-glyph-${tone}`} width="16" height="16" viewBox="0 0 16 16" aria-hidden>
      <circle cx="8" cy="3.5" r="2" fill="none" stroke="currentColor" strokeWidth="1.3" />
      <circle cx="3.5" cy="12.5" r="2" fill="none" stroke="currentColor" strokeWidth="1.3" />
      <circle cx="12.5" cy="12.5" r="2" fill="none" stroke="currentColor" strokeWidth="1.3" />
      <path d="M7 5.3L4.5 10.7M9 5.3l2.5 5.4" stroke="currentColor" strokeWidth="1.2" />
    </svg>
  );
}
