/**
 * k9s views as k9s v0.50 saves them (`view.active` in a context's config.yaml) and as lesson
 * authors name them. k9s saves a resource view as its group/version/resource and namespace
 * (`:rb` -> `rbac.authorization.k8s.io/v1/rolebindings my-ns`), `:pulse` as `pulses`, and an
 * xray view as typed (`x deploy`, `xray deployments`). Both sides are brought to one form:
 * the resource's plural (aliases resolved) and the argument — the namespace of a resource view,
 * the resource an xray view draws.
 */

/** Short names k9s accepts for the views the lessons use, to the name k9s saves. */
const ALIASES: Readonly<Record<string, string>> = {
  pu: 'pulses',
  pulse: 'pulses',
  x: 'xray',
  po: 'pods',
  pod: 'pods',
  dp: 'deployments',
  deploy: 'deployments',
  deployment: 'deployments',
  rs: 'replicasets',
  sts: 'statefulsets',
  ds: 'daemonsets',
  svc: 'services',
  cm: 'configmaps',
  ns: 'namespaces',
  namespace: 'namespaces',
  ctx: 'contexts',
  context: 'contexts',
  rb: 'rolebindings',
  rolebinding: 'rolebindings',
  crb: 'clusterrolebindings',
  clusterrolebinding: 'clusterrolebindings',
};

interface View {
  name: string;
  argument?: string | undefined;
}

function canonical(word: string): string {
  const bare = word.toLowerCase().split('/').pop() ?? '';
  return ALIASES[bare] ?? bare;
}

/** "rbac.authorization.k8s.io/v1/rolebindings all" -> { name: rolebindings, argument: all }. */
export function parseView(text: string): View {
  const [first = '', second] = text.trim().split(/\s+/);
  const name = canonical(first);
  // An xray view's argument is a resource (`deploy`); a resource view's is a namespace, kept as is.
  const argument = second === undefined ? undefined : name === 'xray' ? canonical(second) : second;
  return { name, argument };
}

/** How a view is named in sentences: "pulses", "xray deployments", "pods in k9s-demo". */
export function describeView(text: string): string {
  const { name, argument } = parseView(text);
  if (argument === undefined) return name;
  return name === 'xray' ? `xray ${argument}` : `${name} in ${argument}`;
}

/** The saved view is the wanted one; a wanted view without an argument takes any. */
export function sameView(wanted: string, saved: string): boolean {
  const want = parseView(wanted);
  const have = parseView(saved);
  return want.name === have.name && (want.argument === undefined || want.argument === have.argument);
}
