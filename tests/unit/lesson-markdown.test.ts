/**
 * Lesson prose rendering, as the lesson page configures it: GitHub callouts become asides,
 * `sh` blocks are numbered for the command blocks, and code in the course's languages
 * (Dockerfile, YAML, ...) is highlighted while commands are left plain.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import Markdown from 'react-markdown';
import rehypeHighlight from 'rehype-highlight';
import remarkGfm from 'remark-gfm';
import { describe, expect, it } from 'vitest';
import { highlightAliases, highlightLanguages } from '../../renderer/src/lesson/highlight-languages';
import { remarkCallouts, remarkCommandIndex } from '../../renderer/src/lesson/remark-lesson';

function render(markdown: string): string {
  return renderToStaticMarkup(
    createElement(Markdown, {
      remarkPlugins: [remarkGfm, remarkCallouts, remarkCommandIndex],
      rehypePlugins: [
        [rehypeHighlight, { languages: highlightLanguages, aliases: highlightAliases, plainText: ['sh', 'bash', 'shell'] }],
      ],
      children: markdown,
    }),
  );
}

describe('lesson markdown', () => {
  it('turns GitHub callouts into asides and drops the marker', () => {
    const html = render('> [!WARNING]\n> This removes the container.\n\n> [!tip] Use `-t 1`.\n\n> A plain quote.');
    expect(html).toContain('<aside data-callout="warning">\n<p>This removes the container.</p>\n</aside>');
    expect(html).toContain('<aside data-callout="tip">\n<p>Use <code>-t 1</code>.</p>\n</aside>');
    expect(html).toContain('<blockquote>\n<p>A plain quote.</p>\n</blockquote>');
    expect(html).not.toContain('[!');
  });

  it('numbers the command blocks in order and leaves other code alone', () => {
    const html = render('```sh\ndocker ps\n```\n\ntext\n\n```yaml\na: 1\n```\n\n```bash\ndocker rm web\n```');
    expect(html).toContain('<code class="language-sh" data-command-index="0">docker ps\n</code>');
    expect(html).toContain('<code class="language-bash" data-command-index="1">docker rm web\n</code>');
    expect(html).toContain('<code class="hljs language-yaml">');
    expect(html.match(/data-command-index/g)).toHaveLength(2);
  });

  it('highlights Dockerfiles and YAML, including the aliases lessons use', () => {
    const html = render('```Dockerfile\nFROM busybox\nRUN echo hi\n```\n\n```yml\nservices:\n  web:\n    image: busybox\n```');
    expect(html).toMatch(/<span class="hljs-keyword">FROM<\/span>/);
    expect(html).toMatch(/<span class="hljs-attr">services:<\/span>/);
  });

  it('renders GitHub tables and task lists', () => {
    const html = render('| a | b |\n| - | - |\n| 1 | 2 |\n\n- [x] done\n- [ ] not yet');
    expect(html).toContain('<table>');
    expect(html).toContain('type="checkbox"');
  });
});
