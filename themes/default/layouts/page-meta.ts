import type { Layout } from 'strata-docs/theme';

// Made on first use: setting up a date format costs milliseconds, and most builds of a site without git dates show none.
let dateFormat: Intl.DateTimeFormat | undefined;

/** "Edit this page" (when the config names `editUrl`) and the date of the page's last commit (when known). */
const pageMeta: Layout = (ctx) => {
  const { h } = ctx;
  const { editUrl, lastUpdated } = ctx.page;
  if (!editUrl && !lastUpdated) return [];
  const date = lastUpdated ? new Date(lastUpdated) : undefined;
  return h('div', { className: ['page-meta'] }, [
    editUrl ? h('a', { className: ['edit-link'], href: editUrl }, [ctx.partial('icon', { name: 'pencil' }), 'Edit this page']) : undefined,
    date && !Number.isNaN(date.getTime())
      ? h('p', { className: ['last-updated'] }, ['Last updated on ', h('time', { dateTime: lastUpdated }, (dateFormat ??= new Intl.DateTimeFormat('en', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' })).format(date))])
      : undefined,
  ]);
};

export default pageMeta;
