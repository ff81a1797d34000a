/** A command to run in the learner's own terminal, with a Copy button (no terminal here to type into). */
import { useCopy } from '../ui/useCopy';

export function CopyCommand({ command }: { command: string }) {
  const { label, copy } = useCopy(command);
  return (
    <div className="copy-command">
      <code>{command}</code>
      <button type="button" className="button button-small" onClick={copy} aria-label={`Copy ${command}`}>
        {label}
      </button>
    </div>
  );
}
