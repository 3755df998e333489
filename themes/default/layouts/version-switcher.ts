import type { Layout } from 'strata-docs/theme';

/**
 * The version menu: a `<details>` list of every version, each linking to the
 * same page there (or its nearest section). It works without JavaScript;
 * Strata's switcher script refreshes it from versions.json and keeps the
 * reader's `?query#fragment`. Keep the `data-*` attributes and the
 * `version-tag` spans: the script relies on them.
 */
const versionSwitcher: Layout = (ctx) => {
  const { h } = ctx;
  const current = ctx.versions.find((v) => v.current);
  const label = current?.label ?? ctx.version.label;
  return [
    h(
      'div',
      {
        className: ['version-switcher'],
        dataStrataSwitcher: '',
        dataVersion: ctx.version.name,
        dataPage: ctx.page.url,
        dataAliases: ctx.page.aliases.join(' '),
        dataRoot: ctx.root,
      },
      h('details', [
        h('summary', { ariaLabel: `Version ${label}: choose another version` }, [
          h('span', { className: ['version-switcher-label'] }, label),
          ctx.partial('icon', { name: 'chevron-down' }),
        ]),
        h(
          'ul',
          { className: ['version-switcher-menu'] },
          ctx.versions.map((v) =>
            h('li', [
              h(
                'a',
                {
                  href: v.href,
                  dataVersion: v.name,
                  dataSamePage: String(v.samePage),
                  ...(v.current ? { ariaCurrent: 'page', className: ['current'] } : {}),
                },
                [h('span', v.label), ...tags(ctx, v)],
              ),
            ]),
          ),
        ),
      ]),
    ),
    h('script', { type: 'module', src: ctx.asset('strata/version-switcher.js') }),
  ];
};

/** `latest`, `pre-release`, `unmaintained`: the same words the switcher script writes. */
function tags(ctx: Parameters<Layout>[0], v: (typeof ctx.versions)[number]) {
  const { h } = ctx;
  const kind = v.latest ? 'latest' : v.status === 'maintained' ? undefined : v.status;
  if (!kind) return [];
  return [h('span', { className: ['version-tag', `version-tag-${kind}`] }, kind === 'prerelease' ? 'pre-release' : kind)];
}

export default versionSwitcher;
