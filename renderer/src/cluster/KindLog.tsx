/** kind's output as it printed it, following the end as a terminal would; nothing while it printed nothing. */
import { useEffect, useRef } from 'react';

export function KindLog({ lines }: { lines: string[] }) {
  const log = useRef<HTMLPreElement>(null);
  useEffect(() => {
    const element = log.current;
    if (element) element.scrollTop = element.scrollHeight;
  }, [lines.length]);
  if (lines.length === 0) return null;
  return (
    <pre ref={log} className="practice-log" tabIndex={0} aria-label="kind's output">
      {lines.join('\n')}
    </pre>
  );
}
