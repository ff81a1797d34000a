/**
 * A lesson's `sh` block: the command, and Run (type it into the active terminal and press
 * Enter), Paste (type it, no Enter) and Copy. Nothing reaches the shell without a click.
 */
import { useState } from 'react';
import { copyText } from './clipboard';
import { terminals } from './controller';
import './terminal.css';

export interface CommandBlockProps {
  /** The block's text, as the lesson wrote it. */
  command: string;
}

export function CommandBlock({ command }: CommandBlockProps) {
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = () => {
    copyText(command).then(
      () => setCopied('copied'),
      () => setCopied('failed'),
    );
    setTimeout(() => setCopied('idle'), 1500);
  };
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
          {copied === 'copied' ? 'Copied' : copied === 'failed' ? 'Copy failed' : 'Copy'}
        </button>
      </div>
    </div>
  );
}
