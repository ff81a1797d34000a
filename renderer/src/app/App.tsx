/** The app shell: the main area above, the status bar below. */
import { useEngineStatus } from '../hooks/useEngineStatus';
import { useLinkState } from '../hooks/useLinkState';
import { StatusBar } from '../status/StatusBar';
import './app.css';

export function App() {
  const engine = useEngineStatus();
  const link = useLinkState();
  return (
    <div className="app-shell">
      <main className="app-main" data-testid="app-main">
        <section className="app-welcome">
          <h1>Dockside</h1>
          <p>Learn Docker and Kubernetes by doing, in a real terminal, against your own engine.</p>
        </section>
      </main>
      <StatusBar engine={engine} link={link} />
    </div>
  );
}
