/** A command to run in the learner's own terminal, with a Copy button (no terminal here to type into). */
import { useState } from 'react';

export function CopyCommand({ command }: { command: string }) {
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = () => {
    navigator.clipboard.writeText(command).then(
      () => setCopied('copied'),
      () => setCopied('failed'),
    );
    window.setTimeout(() => setCopied('idle'), 1500);
  };
  return (
    <div className="copy-command">
      <code>{command}</code>
      <button type="button" className="button button-small" onClick={copy} aria-label={`Copy ${command}`}>
        {copied === 'copied' ? 'Copied' : copied === 'failed' ? 'Copy failed' : 'Copy'}
      </button>
    </div>
  );
}
