/** The doctor's report as text for a terminal (`dockside doctor`), plain or with colour. */
import type { DoctorEndpoint, DoctorProblem, DoctorReport } from '../contract';

export interface TextOptions {
  color: boolean;
}

export function formatReportText(report: DoctorReport, options: TextOptions): string {
  const paint = (code: string) => (text: string) => (options.color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const green = paint('32');
  const red = paint('31');
  const yellow = paint('33');
  const dim = paint('2');
  const bold = paint('1');
  const lines: string[] = [];

  lines.push(bold(`Dockside doctor`) + dim(` — ${report.platform}, ${report.durationMs} ms`));
  lines.push('');
  lines.push(bold('Docker endpoints'));
  if (report.endpoints.length === 0) lines.push('  none found');
  for (const endpoint of report.endpoints) {
    const mark = endpoint.state === 'reachable' ? green('✔') : red('✘');
    lines.push(`  ${mark} ${endpoint.host}`);
    lines.push(`      ${describeEndpoint(endpoint)}`);
  }
  if (report.cli.error) lines.push(`  ${red('✘')} the docker CLI cannot resolve its endpoint: ${report.cli.error}`);

  lines.push('');
  lines.push(bold('Kubernetes'));
  if (report.kindClusters.length === 0) lines.push('  kind clusters: none');
  for (const cluster of report.kindClusters) {
    const mark = cluster.running ? green('✔') : red('✘');
    const nodes = cluster.nodes.map((n) => `${n.name} (${n.role}, ${n.state})`).join(', ');
    lines.push(
      `  ${mark} kind cluster ${cluster.name}: ${nodes}${cluster.kubeContext ? ` · context ${cluster.kubeContext}` : ' · no kubeconfig context'}`,
    );
  }
  const files = report.kubeconfig.files.length > 0 ? report.kubeconfig.files.join(', ') : 'no kubeconfig file';
  lines.push(`  kubeconfig: ${files}`);
  for (const context of report.kubeContexts) {
    const mark = !context.probed ? dim('·') : context.answers ? green('✔') : red('✘');
    const answer = !context.probed
      ? `not contacted: ${context.judgement}`
      : context.answers
        ? `answers (HTTP ${context.status ?? '?'}${context.version ? `, ${context.version}` : ''})`
        : (context.error ?? 'does not answer');
    lines.push(
      `  ${mark} ${context.current ? '* ' : ''}${context.name} → ${context.server || '?'} · ${context.local ? 'local' : 'remote'} · ${answer}`,
    );
  }

  lines.push('');
  lines.push(bold(`Tools ${dim(`(PATH from the ${report.pathFrom})`)}`));
  const width = Math.max(...report.tools.map((t) => t.name.length));
  const versionWidth = Math.max(...report.tools.map((t) => (t.version ?? '').length));
  for (const tool of report.tools) {
    if (!tool.path) {
      lines.push(`  ${dim('·')} ${tool.name.padEnd(width)}  ${dim('not found')}`);
      continue;
    }
    const version = tool.version ?? `? (${tool.error ?? 'no version'})`;
    lines.push(`  ${green('✔')} ${tool.name.padEnd(width)}  ${version.padEnd(versionWidth)}  ${dim(tool.path)}`);
  }

  lines.push('');
  if (report.problems.length === 0) {
    lines.push(green('No problems found.'));
  } else {
    lines.push(bold(`Problems (${report.problems.length})`));
    for (const problem of report.problems) lines.push(...formatProblem(problem, { red, yellow, dim }));
  }
  return lines.join('\n');
}

function describeEndpoint(endpoint: DoctorEndpoint): string {
  const parts: string[] = [];
  if (endpoint.engine) parts.push(`${endpoint.engine.product} ${endpoint.engine.version} (API ${endpoint.engine.apiVersion})`);
  else parts.push(`${endpoint.label}: ${endpoint.error ?? endpoint.state}`);
  if (endpoint.contexts.length > 0) parts.push(`context ${endpoint.contexts.join(', ')}`);
  parts.push(`found by ${endpoint.foundBy.join(', ')}`);
  const users = [endpoint.cliDefault ? 'the docker CLI' : '', endpoint.inUse ? 'Dockside' : ''].filter((u) => u !== '');
  if (users.length > 0) parts.push(`used by ${users.join(' and ')}${endpoint.chosen ? ' (chosen)' : ''}`);
  return parts.join(' · ');
}

type Painter = (text: string) => string;

function formatProblem(problem: DoctorProblem, paint: { red: Painter; yellow: Painter; dim: Painter }): string[] {
  const tag =
    problem.severity === 'error'
      ? paint.red('error  ')
      : problem.severity === 'warning'
        ? paint.yellow('warning')
        : paint.dim('info   ');
  const lines = [`  ${tag} ${problem.summary}`, `          fix: ${problem.fix}`];
  if (problem.command) lines.push(`          $ ${problem.command}`);
  return lines;
}
