/** A container the lesson made: its state as a coloured mark, and each published port drawn as host → container. */
import type { LiveContainer } from '@contract';

const STATE_TONE: Record<string, string> = {
  running: 'ok',
  restarting: 'warn',
  paused: 'warn',
  created: 'idle',
  exited: 'idle',
  dead: 'bad',
  removing: 'warn',
};

/** The engine lists a port once per address family (0.0.0.0 and ::): show each mapping once. */
function distinctPorts(ports: LiveContainer['ports']): LiveContainer['ports'] {
  const seen = new Set<string>();
  return ports.filter((p) => {
    const wildcard = p.hostIp === '' || p.hostIp === '0.0.0.0' || p.hostIp === '::';
    const key = `${wildcard ? '*' : p.hostIp}:${p.hostPort}->${p.containerPort}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function ContainerCard({ container }: { container: LiveContainer }) {
  const tone = STATE_TONE[container.state] ?? 'idle';
  const ports = distinctPorts(container.ports);
  return (
    <li
      className={`live-card live-container live-tone-${tone}`}
      data-testid="live-container"
      data-name={container.name}
      data-state={container.state}
    >
      <div className="live-card-head">
        <ContainerGlyph tone={tone} />
        <span className="live-card-name">{container.name}</span>
        <span className={`live-pill live-pill-${tone}`}>{container.state}</span>
      </div>
      <div className="live-card-meta">
        <code>{container.image}</code> · {container.status}
      </div>
      {ports.length > 0 && (
        <ul className="live-ports" aria-label="Published ports">
          {ports.map((p) => (
            <li key={`${p.hostIp}:${p.hostPort}->${p.containerPort}`} className="live-port">
              <span className="live-port-host" title="On your machine">
                {p.hostIp && p.hostIp !== '0.0.0.0' && p.hostIp !== '::' ? `${p.hostIp}:` : ':'}
                {p.hostPort}
              </span>
              <svg className="live-port-arrow" width="28" height="10" viewBox="0 0 28 10" aria-label="forwards to">
                <path
                  d="M1 5h23M20 1.5l4 3.5-4 3.5"
                  fill="none"
                  stroke="currentColor"
                  strokeWidth="1.4"
                  strokeLinecap="round"
                  strokeLinejoin="round"
                />
              </svg>
              <span className="live-port-container" title="In the container">
                {p.containerPort}
              </span>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

function ContainerGlyph({ tone }: { tone: string }) {
  return (
    <svg className={`live-glyph live-glyph-${tone}`} width="16" height="16" viewBox="0 0 16 16" aria-hidden>
      <rect x="1.5" y="3.5" width="13" height="9" rx="1.5" fill="none" stroke="currentColor" strokeWidth="1.4" />
      <path d="M4.5 3.5v9M8 3.5v9M11.5 3.5v9" stroke="currentColor" strokeWidth="1" opacity="0.6" />
    </svg>
  );
}
