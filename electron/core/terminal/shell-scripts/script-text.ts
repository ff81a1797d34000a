/**
 * A tag for shell scripts kept in TypeScript (they are written to disk when the app starts, so
 * they must ship inside the bundle). Like String.raw — `\e` and `\a` stay for printf to read —
 * except that `\${`, which the template literal needs to keep from interpolating, becomes `${`.
 */
export function script(strings: TemplateStringsArray, ...values: string[]): string {
  return String.raw(strings, ...values).replaceAll('\\${', '${');
}
