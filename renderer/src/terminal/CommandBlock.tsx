/**
 * A lesson's `sh` block: the command, and Run (type it into the active terminal and press
 * Enter), Paste (type it, no Enter) and Copy. Nothing reaches the shell without a click.
 */
import { useCopy } from '../ui/useCopy';
import { terminals } from './window-terminals';
import './terminal.css';

export interface CommandBlockProps {
  /** The block's text, as the lesson wrote it. */
  command: string;
}

export function CommandBlock({ command }: CommandBlockProps) {
  const { label, copy } = useCopy(command);
  return (
    <div className="command-block" data-testid="command-block">
      <pre className="command-text">
        <code className="language-sh">{command}</code>
      </pre>
      <div className="command-actions">
        <button
          type="button"
          onClick={() => terminals().run(command, { enter: true })}
          title="Type it into the terminal and press Enter"
          data-testid="command-run"
        >
          Run
        </button>
        <button
          type="button"
          onClick={() => terminals().run(command, { enter: false })}
          title="Type it into the terminal without running it"
          data-testid="command-paste"
        >
          Paste
        </button>
        <button type="button" onClick={copy} title="Copy to the clipboard" data-testid="command-copy">
          {label}
        </button>
      </div>
    </div>
  );
}
