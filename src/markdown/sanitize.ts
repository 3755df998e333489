import type { Root } from 'hast';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import { unified } from 'unified';

type Schema = NonNullable<Parameters<typeof rehypeSanitize>[0]>;
type Attributes = NonNullable<Schema['attributes']>;

const ARIA = ['ariaLabel', 'ariaLabelledBy', 'ariaDescribedBy', 'ariaHidden', 'ariaSelected', 'ariaControls', 'ariaExpanded', 'ariaCurrent', 'ariaLive'];

const defaults = defaultSchema.attributes as Attributes;
const ALIGN = /^text-align:(?:left|right|center)$/;

/** A tag's attributes from GitHub's schema, without its narrower `className` rules (classes are allowed on every element here). */
function attributesOf(tag: string, ...more: Attributes[string]): Attributes[string] {
  return [...(defaults[tag] ?? []).filter((entry) => !(Array.isArray(entry) && entry[0] === 'className')), ...more];
}

/**
 * What `markdown.sanitize` keeps: GitHub's schema (rehype-sanitize's default),
 * widened to what docs and Strata's shortcodes need, and nothing that runs:
 *
 * - ids and names as written (no `user-content-` prefix: they are the anchors
 *   links point at), classes (callouts, code languages), `role`, `aria-*`,
 *   `data-*` (tabs, highlight options), `hidden`;
 * - callouts, figures, tab buttons, `mark`, `abbr`, table captions and columns;
 * - links to `http(s):`, `mailto:`, `tel:` and relative URLs; images from
 *   `http(s):` and relative URLs.
 *
 * Gone: `<script>`, `<style>`, `<iframe>`, `<object>`, `<embed>`, forms, inline
 * SVG and MathML (with their content), `on*` handlers, `style` attributes (but
 * a table cell's alignment), `javascript:` and `data:` URLs.
 */
export const sanitizeSchema: Schema = {
  ...defaultSchema,
  clobber: [],
  clobberPrefix: '',
  tagNames: [...(defaultSchema.tagNames ?? []), 'aside', 'figure', 'figcaption', 'button', 'mark', 'abbr', 'caption', 'colgroup', 'col', 'small', 'u', 'cite', 'wbr'],
  strip: ['script', 'style', 'template', 'noscript', 'title', 'textarea', 'iframe', 'object', 'embed', 'noembed', 'noframes', 'svg', 'math', 'select', 'xmp'],
  attributes: {
    ...Object.fromEntries(Object.keys(defaults).map((tag) => [tag, attributesOf(tag)])),
    '*': attributesOf('*', 'className', 'role', 'hidden', 'data*', ...ARIA),
    a: attributesOf('a', 'rel', 'target'),
    img: attributesOf('img', 'srcSet', 'loading'),
    button: [['type', 'button']],
    // Table alignment, as goldmark writes it.
    th: attributesOf('th', ['style', ALIGN]),
    td: attributesOf('td', ['style', ALIGN]),
  },
  protocols: {
    ...defaultSchema.protocols,
    href: ['http', 'https', 'mailto', 'tel'],
    src: ['http', 'https'],
    srcSet: ['http', 'https'],
  },
};

const processor = unified().use(rehypeSanitize, sanitizeSchema).freeze();

/** A page body with everything that could run or restyle the page removed (`markdown.sanitize`). Positions stay. */
export function sanitizeBody(tree: Root): Root {
  return processor.runSync(tree) as Root;
}
