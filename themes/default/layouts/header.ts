import type { Layout } from 'strata-docs/theme';

/** The top bar: menu button (narrow screens), site title, version switcher, search, colour scheme. */
const header: Layout = (ctx) => {
  const { h } = ctx;
  const icon = (name: string) => ctx.partial('icon', { name });
  return h('header', { className: ['site-header'] }, [
    h('div', { className: ['header-inner'] }, [
      h(
        'button',
        { type: 'button', className: ['icon-button', 'menu-button'], ariaControls: 'sidebar', ariaExpanded: 'false', dataMenuToggle: '' },
        [icon('menu'), h('span', { className: ['sr-only'] }, 'Menu')],
      ),
      h('a', { className: ['site-title'], href: ctx.href('/') }, [h('span', { className: ['site-logo'], ariaHidden: 'true' }), h('span', ctx.site.title)]),
      ctx.partial('version-switcher'),
      h('div', { className: ['header-actions'] }, [
        ctx.site.search
          ? h('button', { type: 'button', className: ['search-button'], dataSearchOpen: '', ariaLabel: 'Search', ariaKeyshortcuts: '/', ariaHaspopup: 'dialog' }, [
              icon('search'),
              h('span', { className: ['search-button-label'] }, 'Search'),
              h('kbd', { className: ['search-button-key'], ariaHidden: 'true' }, '/'),
            ])
          : undefined,
        h('button', { type: 'button', className: ['icon-button', 'theme-toggle'], dataThemeToggle: '', title: 'Colour scheme: system' }, [
          h('span', { className: ['theme-icon', 'theme-icon-system'] }, icon('monitor')),
          h('span', { className: ['theme-icon', 'theme-icon-light'] }, icon('sun')),
          h('span', { className: ['theme-icon', 'theme-icon-dark'] }, icon('moon')),
          h('span', { className: ['sr-only'], dataThemeLabel: '' }, 'Colour scheme: system'),
        ]),
      ]),
    ]),
  ]);
};

export default header;
