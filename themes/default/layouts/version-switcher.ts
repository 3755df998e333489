import type { Layout } from 'strata-docs/theme';

/**
 * The version menu: a `<details>` list of every version, each linking to the
 * same page there (or its nearest section). It works without JavaScript; the
 * core script refreshes it from versions.json and keeps `?query#fragment`.
 * Keep the `data-*` attributes: the script relies on them.
 */
const versionSwitcher: Layout = (ctx) => {
  const { h } = ctx;
  const current = ctx.versions.find((v) => v.current);
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
        h('summary', { ariaLabel: `Version ${current?.label ?? ctx.version.label}, choose another version` }, [
          h('span', { className: ['version-switcher-label'] }, 'Version'),
          ' ',
          h('span', { className: ['version-switcher-current'] }, current?.label ?? ctx.version.label),
        ]),
        h(
          'ul',
          ctx.versions.map((v) => {
            const tag = v.latest ? 'latest' : v.status === 'maintained' ? undefined : v.status;
            return h('li', v.current ? { ariaCurrent: 'true' } : {}, [
              h('a', { href: v.href, dataVersion: v.name, dataSamePage: String(v.samePage), ...(v.current ? { ariaCurrent: 'page' } : {}) }, [
                v.label,
                ...(tag ? [' ', h('span', { className: ['version-tag'] }, tag)] : []),
              ]),
            ]);
          }),
        ),
      ]),
    ),
    h('script', { type: 'module', src: ctx.asset('strata/version-switcher.js') }),
  ];
};

export default versionSwitcher;
