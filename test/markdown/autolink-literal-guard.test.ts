import { toHtml } from 'hast-util-to-html';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import remarkAutolinkLiteralGuard from '../../src/markdown/plugins/autolink-literal-guard.js';
import { createMarkdownRenderer } from '../../src/markdown/processor.js';

const html = (markdown: string) => toHtml(createMarkdownRenderer({ typographer: false }).toHast(markdown));

describe('the autolink literal guard', () => {
  it('takes the place of remark-gfm’s search for autolink literals', () => {
    const original = gfmAutolinkLiteralFromMarkdown().transforms?.[0];
    const transforms = (processor: { freeze(): { data(key: 'fromMarkdownExtensions'): unknown } }) =>
      (((processor.freeze().data('fromMarkdownExtensions') ?? []) as unknown[]).flat(Infinity) as Array<{ transforms?: unknown[] }>).flatMap((e) => e.transforms ?? []);
    expect(transforms(unified().use(remarkParse).use(remarkGfm))).toContain(original);
    const guarded = transforms(unified().use(remarkParse).use(remarkGfm).use(remarkAutolinkLiteralGuard));
    expect(guarded).not.toContain(original);
    expect(guarded).toHaveLength(transforms(unified().use(remarkParse).use(remarkGfm)).length);
  });

  // The guard must find what remark-gfm alone finds, whatever that is (`mailto:` included).
  const plain = unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(rehypeStringify);
  const guarded = unified().use(remarkParse).use(remarkGfm).use(remarkAutolinkLiteralGuard).use(remarkRehype).use(rehypeStringify);
  it.each([
    'www.example.com/a',
    'see https://example.com/x?y=1.',
    'HTTP://EXAMPLE.COM',
    'mail ops@example.com now',
    'mailto:ops@example.com',
    'xmpp:ops@example.com/res',
    '*emphasis then www.example.com*',
    '[a link www.example.com](/x/) and `code www.example.com`',
    '| a | b |\n|---|---|\n| x@y.io | www.z.org |',
    '- item http://a.b/c\n  - nested ops+tag@example.co.uk',
  ])('finds in %j what remark-gfm finds', (markdown) => {
    expect(String(guarded.processSync(markdown))).toBe(String(plain.processSync(markdown)));
  });

  it.each([
    ['www.example.com/a', '<a href="https://www.example.com/a">www.example.com/a</a>'],
    ['see https://example.com/x?y=1.', '<a href="https://example.com/x?y=1">https://example.com/x?y=1</a>.'],
    ['mail ops@example.com now', '<a href="mailto:ops@example.com">ops@example.com</a>'],
  ])('links %j in a page', (markdown, link) => {
    expect(html(markdown)).toContain(link);
  });

  it('leaves text without a scheme, www. or @ as it is', () => {
    expect(html('example.com and wwwx.example and http:/x')).toBe('<p>example.com and wwwx.example and http:/x</p>');
  });
});
