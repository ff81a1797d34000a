/** Text whose `backticked` parts are commands or names: shown as code, never as HTML. */
export function InlineCode({ text }: { text: string }) {
  const parts = text.split(/`([^`]+)`/);
  // split with one capture group alternates: plain, code, plain, code, ...
  return <>{parts.map((part, index) => (index % 2 === 1 ? <code key={index}>{part}</code> : part))}</>;
}
