import type { Layout } from 'strata-docs/theme';

/** "You are reading 1.16.x; the latest is 1.17.x" (same page in latest), or the unreleased / unmaintained notice. */
const versionBanner: Layout = (ctx) => {
  const { h } = ctx;
  const latest = ctx.versions.find((v) => v.latest);
  const version = h('strong', ctx.version.label);
  const toLatest = latest && !ctx.version.latest ? h('a', { href: latest.href, dataSamePage: String(latest.samePage) }, latest.samePage ? `this page in ${latest.label}` : `${latest.label}`) : undefined;
  let text: Array<string | ReturnType<typeof h>>;
  if (ctx.version.status === 'prerelease') text = ['This is documentation for ', version, ', which is not released yet.', ...(toLatest ? [' See ', toLatest, ' for the latest release.'] : [])];
  else if (!ctx.version.latest && latest) {
    text = ['You are reading the documentation for ', version, ctx.version.status === 'unmaintained' ? ', which is no longer maintained' : '', `. The latest version is ${latest.label}: `, toLatest as ReturnType<typeof h>, '.'];
  } else return [];
  return [h('div', { className: ['version-banner', `version-banner-${ctx.version.status}`], role: 'note', dataStrataBanner: '' }, h('p', text))];
};

export default versionBanner;
