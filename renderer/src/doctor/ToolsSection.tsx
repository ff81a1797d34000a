/** The command-line tools found on the PATH a new terminal gets, with their versions. */
import type { DoctorReport } from '@contract';

export function ToolsSection({ report }: { report: DoctorReport }) {
  return (
    <section className="doctor-section" aria-labelledby="doctor-tools">
      <h2 id="doctor-tools">Tools</h2>
      <table className="doctor-tools">
        <tbody>
          {report.tools.map((tool) => (
            <tr key={tool.name} data-testid="doctor-tool" data-tool={tool.name} data-found={tool.path ? 'yes' : 'no'}>
              <th scope="row">{tool.name}</th>
              <td>
                {tool.path ? (
                  (tool.version ?? `found (${tool.error ?? 'no version'})`)
                ) : (
                  <span className="doctor-muted">not found</span>
                )}
              </td>
              <td className="doctor-muted">{tool.path && <code>{tool.path}</code>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="doctor-muted doctor-footnote">PATH from the {report.pathFrom}.</p>
    </section>
  );
}
