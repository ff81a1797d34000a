/**
 * A network drawn as a bus with its containers hanging off it: who can reach whom by name is
 * easier to see than to read.
 */
import type { LiveNetwork } from '@contract';

const NODE_W = 84;
const GAP = 10;

export function NetworkDiagram({ network }: { network: LiveNetwork }) {
  const names = network.containers;
  const width = Math.max(200, names.length * (NODE_W + GAP) + GAP);
  return (
    <li className="live-card live-network" data-testid="live-network" data-name={network.name}>
      <div className="live-card-head">
        <span className="live-card-name">{network.name}</span>
        <span className="live-card-aside">{network.driver}</span>
      </div>
      {names.length === 0 ? (
        <div className="live-card-meta">no containers attached</div>
      ) : (
        <svg
          className="network-diagram"
          viewBox={`0 0 ${width} 62`}
          width="100%"
          height="62"
          role="img"
          aria-label={`${network.name} connects ${names.join(', ')}`}
        >
          <line x1={GAP} x2={width - GAP} y1="10" y2="10" className="network-bus" />
          {names.map((name, i) => {
            const x = GAP + i * (NODE_W + GAP);
            return (
              <g key={name}>
                <line x1={x + NODE_W / 2} x2={x + NODE_W / 2} y1="10" y2="30" className="network-drop" />
                <circle cx={x + NODE_W / 2} cy="10" r="3" className="network-tap" />
                <rect x={x} y="30" width={NODE_W} height="26" rx="5" className="network-node" />
                <text x={x + NODE_W / 2} y="47" textAnchor="middle" className="network-label">
                  {name.length > 11 ? `${name.slice(0, 10)}…` : name}
                </text>
              </g>
            );
          })}
        </svg>
      )}
    </li>
  );
}
