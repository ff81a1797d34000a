/** The problems the doctor found, worst first, each with its one fix and a copyable command. */
import type { DoctorProblem } from '@contract';
import { useCopy } from '../ui/useCopy';
import { InlineCode } from './InlineCode';
import { severityLabel } from './labels';

export function ProblemList({ problems }: { problems: DoctorProblem[] }) {
  if (problems.length === 0) {
    return (
      <p className="doctor-all-good" data-testid="doctor-no-problems">
        Everything Dockside needs is in place.
      </p>
    );
  }
  return (
    <ul className="doctor-problems" aria-label="Problems">
      {problems.map((problem) => (
        <li
          key={`${problem.code}:${problem.subject}`}
          className={`doctor-problem doctor-problem-${problem.severity}`}
          data-testid="doctor-problem"
          data-code={problem.code}
        >
          <span className="doctor-severity">{severityLabel(problem.severity)}</span>
          <p className="doctor-problem-summary">
            <InlineCode text={problem.summary} />
          </p>
          <p className="doctor-problem-fix">
            <InlineCode text={problem.fix} />
          </p>
          {problem.command && <FixCommand command={problem.command} />}
        </li>
      ))}
    </ul>
  );
}

function FixCommand({ command }: { command: string }) {
  const { label, copy } = useCopy(command);
  return (
    <div className="doctor-command">
      <code data-testid="doctor-fix-command">{command}</code>
      <button type="button" onClick={copy} title="Copy the command">
        {label}
      </button>
    </div>
  );
}
