import type { Layout } from 'strata-docs/theme';

/**
 * The search dialog, opened by the header button, `/` or Ctrl/⌘+K. The
 * script loads the Pagefind index (`pagefind/` at the output root) on first
 * use and searches the version being read unless "All versions" is checked.
 */
const search: Layout = (ctx) => {
  const { h } = ctx;
  return h(
    'dialog',
    {
      className: ['search-dialog'],
      id: 'search-dialog',
      ariaLabel: 'Search the documentation',
      dataSearchBundle: `${ctx.root}pagefind/`,
      dataSearchVersion: ctx.version.name,
      dataSearchVersionLabel: ctx.version.label,
    },
    [
      h('div', { className: ['search-panel'] }, [
        h('form', { className: ['search-form'], role: 'search', method: 'dialog' }, [
          h('label', { className: ['search-field'] }, [
            ctx.partial('icon', { name: 'search' }),
            h('span', { className: ['sr-only'] }, 'Search'),
            h('input', {
              type: 'search',
              name: 'q',
              className: ['search-input'],
              placeholder: `Search ${ctx.version.label} docs`,
              autocomplete: 'off',
              spellCheck: 'false',
              ariaControls: 'search-results',
              ariaDescribedby: 'search-status',
            }),
          ]),
          h('button', { type: 'button', className: ['icon-button', 'search-close'], dataSearchClose: '' }, [
            ctx.partial('icon', { name: 'close' }),
            h('span', { className: ['sr-only'] }, 'Close search'),
          ]),
        ]),
        h('div', { className: ['search-options'] }, [
          h('label', { className: ['search-scope'] }, [h('input', { type: 'checkbox', name: 'all-versions', dataSearchAll: '' }), ' All versions']),
          h('p', { className: ['search-status'], id: 'search-status', role: 'status', ariaLive: 'polite' }),
        ]),
        h('ul', { className: ['search-results'], id: 'search-results', ariaLabel: 'Search results' }),
      ]),
    ],
  );
};

export default search;
