/**
 * Lesson prose: GitHub-flavoured Markdown with highlighted code and callouts. Each `sh` block is
 * the terminal's CommandBlock (Run / Paste / Copy); the page can mark one as highlighted, which
 * is what the keyboard's "run the highlighted command" runs.
 */
import type { Element, ElementContent } from 'hast';
import { createContext, memo, useContext, useEffect, useMemo, useRef, type ReactNode } from 'react';
import Markdown, { type Components } from 'react-markdown';
import rehypeHighlight from 'rehype-highlight';
import remarkGfm from 'remark-gfm';
import { CommandBlock } from '../terminal';
import { highlightAliases, highlightLanguages } from './highlight-languages';
import { remarkCallouts, remarkCommandIndex, type CalloutKind } from './remark-lesson';
import './markdown.css';

const CALLOUT_TITLES: Record<CalloutKind, string> = {
  note: 'Note',
  tip: 'Tip',
  important: 'Important',
  warning: 'Warning',
  caution: 'Caution',
};

const highlightOptions = {
  languages: highlightLanguages,
  aliases: highlightAliases,
  // Commands are drawn by the CommandBlock; highlighting them would be thrown away.
  plainText: ['sh', 'bash', 'shell'],
};

function textOf(node: ElementContent | Element): string {
  if (node.type === 'text') return node.value;
  if ('children' in node) return node.children.map((child) => textOf(child)).join('');
  return '';
}

interface LessonMarkdownProps {
  markdown: string;
  /** The command block to mark as highlighted (its index among this text's `sh` blocks). */
  highlighted?: number | null;
  /** The learner pointed at a command block (clicked or focused inside it). */
  onCommandFocus?: (index: number) => void;
}

/**
 * What the command blocks of one text need from the page. It travels by context so that the
 * Markdown components below keep one identity for the app's lifetime: components made anew on
 * each render would be new element types to React, which would remount every CommandBlock —
 * and a click whose pointer-down selected the step would land on a button that no longer exists.
 */
interface CommandContext {
  highlighted: number | null;
  focus: (index: number) => void;
}

const CommandContextOf = createContext<CommandContext>({ highlighted: null, focus: () => undefined });

function CommandPre({ node, children }: { node?: Element | undefined; children?: ReactNode }) {
  const { highlighted, focus } = useContext(CommandContextOf);
  const code = node?.children.find((c): c is Element => c.type === 'element' && c.tagName === 'code');
  const index = code?.properties?.dataCommandIndex;
  if (code && typeof index === 'number') {
    const command = textOf(code).replace(/\n$/, '');
    return (
      <div
        className={`lesson-command${highlighted === index ? ' is-highlighted' : ''}`}
        data-command-index={index}
        data-highlighted={highlighted === index ? 'true' : undefined}
        onFocusCapture={() => focus(index)}
        onPointerDown={() => focus(index)}
      >
        <CommandBlock command={command} />
      </div>
    );
  }
  return <pre className="code-block">{children}</pre>;
}

const components: Components = {
  pre: CommandPre,
  aside({ node, children, ...rest }) {
    const kind = node?.properties?.dataCallout as CalloutKind | undefined;
    if (!kind) return <aside {...rest}>{children}</aside>;
    return (
      <aside className={`callout callout-${kind}`} role="note" aria-label={CALLOUT_TITLES[kind]}>
        <p className="callout-title">
          <CalloutIcon kind={kind} />
          {CALLOUT_TITLES[kind]}
        </p>
        {children}
      </aside>
    );
  },
  a({ href, children }) {
    const external = typeof href === 'string' && /^https?:/i.test(href);
    return (
      <a href={href} {...(external ? { target: '_blank', rel: 'noreferrer noopener' } : {})}>
        {children}
      </a>
    );
  },
  table({ children }) {
    return (
      <div className="table-scroll">
        <table>{children}</table>
      </div>
    );
  },
};

const remarkPlugins = [remarkGfm, remarkCallouts, remarkCommandIndex];
const rehypePlugins: NonNullable<Parameters<typeof Markdown>[0]['rehypePlugins']> = [[rehypeHighlight, highlightOptions]];

function LessonMarkdownInner({ markdown, highlighted = null, onCommandFocus }: LessonMarkdownProps) {
  // The callback changes identity with every parent render; the prose need not re-render for it.
  const focusRef = useRef(onCommandFocus);
  useEffect(() => {
    focusRef.current = onCommandFocus;
  });
  const commands = useMemo<CommandContext>(() => ({ highlighted, focus: (index) => focusRef.current?.(index) }), [highlighted]);
  return (
    <div className="markdown">
      <CommandContextOf.Provider value={commands}>
        <Markdown remarkPlugins={remarkPlugins} rehypePlugins={rehypePlugins} components={components}>
          {markdown}
        </Markdown>
      </CommandContextOf.Provider>
    </div>
  );
}

export const LessonMarkdown = memo(LessonMarkdownInner, (a, b) => a.markdown === b.markdown && a.highlighted === b.highlighted);

function CalloutIcon({ kind }: { kind: CalloutKind }): ReactNode {
  const path: Record<CalloutKind, string> = {
    note: 'M8 1.5a6.5 6.5 0 110 13 6.5 6.5 0 010-13zM8 7v4.5M8 4.6v.1',
    tip: 'M8 1.8a4.3 4.3 0 00-2.6 7.7c.5.4.8.9.8 1.5V12h3.6v-1c0-.6.3-1.1.8-1.5A4.3 4.3 0 008 1.8zM6.3 14.2h3.4',
    important: 'M2.5 2.5h11v8.5H8.5l-3 2.5V11h-3zM8 5v3M8 9.6v.1',
    warning: 'M8 1.8l6.5 11.7h-13zM8 6.3v3.4M8 11.6v.1',
    caution: 'M5.3 1.5h5.4l3.8 3.8v5.4l-3.8 3.8H5.3l-3.8-3.8V5.3zM8 4.8v3.9M8 10.9v.1',
  };
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden className="callout-icon">
      <path d={path[kind]} fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
