import type { ElementContent } from 'hast';
import { h } from '../../html/h.js';
import { toString } from 'hast-util-to-string';
import { rules } from '../../diagnostics/rules.js';
import { withoutAutoId } from '../../transforms/heading-ids.js';
import type { ShortcodeDefinition } from '../definition.js';

/**
 * Hugo's built-in `{{< figure src="x.png" title="…" caption="…" >}}`, as Hugo
 * 0.111 renders it: `link`/`target`/`rel` wrap the image, `alt` falls back to
 * the caption's text, `caption` and `attr` are markdown, `attrlink` links the
 * attribution. A relative `src` is checked like any image.
 */
export const figure: ShortcodeDefinition = {
  name: 'figure',
  inner: 'none',
  async render(ctx) {
    const get = (key: string) => ctx.get(key) || undefined;
    const src = get('src');
    if (src === undefined) ctx.report('figure needs a `src`', { ruleId: rules.shortcodeParams });
    const caption = get('caption');
    const captionNodes = caption === undefined ? [] : await ctx.markdownify(caption);
    const alt = get('alt') ?? (caption === undefined ? undefined : toString({ type: 'root', children: captionNodes }));
    let image: ElementContent = h('img', { src: src ?? '', alt, width: get('width'), height: get('height') });
    const link = get('link');
    if (link !== undefined) image = h('a', { href: link, target: get('target'), rel: get('rel') }, image);
    const children: ElementContent[] = [image];
    const title = get('title');
    const attr = get('attr');
    if (title !== undefined || caption !== undefined || attr !== undefined) {
      const parts: ElementContent[] = [];
      if (title !== undefined) parts.push(withoutAutoId(h('h4', title)));
      if (caption !== undefined || attr !== undefined) {
        const attribution = attr === undefined ? [] : await ctx.markdownify(attr);
        const attrlink = get('attrlink');
        const p: ElementContent[] = [...captionNodes];
        if (attrlink !== undefined) p.push({ type: 'text', value: ' ' }, h('a', { href: attrlink }, attribution));
        else if (attribution.length) p.push({ type: 'text', value: ' ' }, ...attribution);
        parts.push(h('p', p));
      }
      children.push(h('figcaption', parts));
    }
    return { hast: [h('figure', { className: get('class')?.split(/\s+/) }, children)] };
  },
};
