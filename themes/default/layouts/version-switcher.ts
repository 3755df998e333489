import type { Layout } from 'strata-docs/theme';

/**
 * Placeholder: the version menu, baked into the page so it works without
 * JavaScript. The multi-version build replaces this markup (keeping the
 * `.version-switcher` classes the stylesheet styles).
 */
const versionSwitcher: Layout = (ctx) => {
  const { h } = ctx;
  const versions = ctx.versions.length
    ? ctx.versions
    : [{ name: ctx.version.name, label: ctx.version.label, status: ctx.version.status, latest: ctx.version.latest, current: true, href: './', samePage: true }];
  return h('div', { className: ['version-switcher'] }, [
    h('details', [
      h('summary', { ariaLabel: `Version ${ctx.version.label}: choose another version` }, [
        h('span', { className: ['version-switcher-label'] }, ctx.version.label),
        ctx.partial('icon', { name: 'chevron-down' }),
      ]),
      h(
        'ul',
        { className: ['version-switcher-menu'] },
        versions.map((v) =>
          h('li', [
            h('a', { href: v.href, ariaCurrent: v.current ? 'page' : undefined, className: v.current ? ['current'] : [] }, [
              h('span', v.label),
              v.latest ? h('span', { className: ['version-tag', 'version-tag-latest'] }, 'latest') : undefined,
              v.status === 'prerelease' ? h('span', { className: ['version-tag', 'version-tag-prerelease'] }, 'pre-release') : undefined,
              v.status === 'unmaintained' ? h('span', { className: ['version-tag', 'version-tag-unmaintained'] }, 'unmaintained') : undefined,
            ]),
          ]),
        ),
      ),
    ]),
  ]);
};

export default versionSwitcher;
