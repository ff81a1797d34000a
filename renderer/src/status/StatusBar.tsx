/**
 * The bottom bar: which engine the app is connected to, live. When the engine is away it says
 * what was tried and how to fix it; a click opens the details.
 */
import type { EngineStatus } from '@contract';
import { useState, type ReactNode } from 'react';
import type { SocketState } from '../api';
import { InlineCode } from '../ui/InlineCode';
import { engineSummary } from './engine-label';
import './status-bar.css';

interface StatusBarProps {
  engine: EngineStatus;
  link: SocketState;
  /** Extra items on the right, e.g. the lesson's progress. */
  children?: ReactNode;
  /** Where the environment doctor lives, offered when the engine is away. */
  doctorHref?: string;
}

export function StatusBar({ engine, link, children, doctorHref }: StatusBarProps) {
  const [open, setOpen] = useState(false);
  const unreachable = engine.state === 'unreachable';
  return (
    <footer className="status-bar" role="contentinfo">
      {link !== 'open' ? (
        <span className="status-item status-warn" role="status" data-testid="link-status">
          <span className="status-dot status-dot-bad" aria-hidden /> Lost the connection to Dockside — reconnecting…
        </span>
      ) : (
        <button
          type="button"
          className="status-item status-engine"
          data-testid="engine-status"
          data-engine-state={engine.state}
          aria-expanded={unreachable ? open : undefined}
          onClick={() => setOpen((v) => !v)}
          title={
            engine.state === 'connected' ? `${engine.info.os} · ${engine.info.arch} · API ${engine.info.apiVersion}` : undefined
          }
        >
          <span className={`status-dot status-dot-${engine.state}`} aria-hidden />
          <span role="status">{engineSummary(engine)}</span>
        </button>
      )}
      <span className="status-spacer" />
      {children}
      {unreachable && open && (
        <div className="status-popover" role="dialog" aria-label="Engine not reachable" data-testid="engine-help">
          <p className="status-popover-error">{engine.error}</p>
          {engine.tried.length > 0 && (
            <>
              <p className="status-popover-label">Tried</p>
              <ul>
                {engine.tried.map((place) => (
                  <li key={place}>
                    <code>{place}</code>
                  </li>
                ))}
              </ul>
            </>
          )}
          <p className="status-popover-label">How to fix it</p>
          <p>
            <InlineCode text={engine.fix} />
          </p>
          <p className="status-popover-note">
            Dockside keeps trying and reconnects by itself.
            {doctorHref && (
              <>
                {' '}
                <a href={doctorHref} onClick={() => setOpen(false)}>
                  Open the environment doctor
                </a>{' '}
                to see every engine on this machine.
              </>
            )}
          </p>
        </div>
      )}
    </footer>
  );
}
