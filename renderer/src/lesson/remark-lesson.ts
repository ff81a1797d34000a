/**
 * Two small remark plugins for lesson prose:
 * - callouts: GitHub's `> [!NOTE]` (TIP, IMPORTANT, WARNING, CAUTION) blockquotes become
 *   `<aside data-callout="note">` with the marker taken out;
 * - command numbering: each `sh`/`bash` block gets `data-command-index` (0, 1, ...) so the page
 *   can highlight one and run it from the keyboard.
 */
import type { Root, RootContent } from 'mdast';

export const CALLOUT_KINDS = ['note', 'tip', 'important', 'warning', 'caution'] as const;
export type CalloutKind = (typeof CALLOUT_KINDS)[number];

const MARKER = /^\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\][ \t]*(?:\r?\n)?/i;

export const COMMAND_LANGUAGES = new Set(['sh', 'bash', 'shell']);

function walk(node: Root | RootContent, visit: (node: RootContent) => void): void {
  if (node.type !== 'root') visit(node);
  if ('children' in node) for (const child of node.children as RootContent[]) walk(child, visit);
}

export function remarkCallouts() {
  return (tree: Root) => {
    walk(tree, (node) => {
      if (node.type !== 'blockquote') return;
      const first = node.children[0];
      if (first?.type !== 'paragraph') return;
      const text = first.children[0];
      if (text?.type !== 'text') return;
      const match = MARKER.exec(text.value);
      if (!match) return;
      const kind = match[1]!.toLowerCase() as CalloutKind;
      text.value = text.value.slice(match[0].length);
      if (text.value === '') first.children.shift();
      if (first.children.length === 0) node.children.shift();
      node.data = { ...node.data, hName: 'aside', hProperties: { dataCallout: kind } };
    });
  };
}

export function remarkCommandIndex() {
  return (tree: Root) => {
    let index = 0;
    walk(tree, (node) => {
      if (node.type !== 'code' || !COMMAND_LANGUAGES.has(node.lang ?? '')) return;
      node.data = { ...node.data, hProperties: { dataCommandIndex: index++ } };
    });
  };
}
