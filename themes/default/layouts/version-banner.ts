import type { Layout } from 'strata-docs/theme';

/**
 * Tells readers of an older, unmaintained or unreleased version where the
 * latest docs are, linking to the same page there when it exists.
 */
const versionBanner: Layout = (ctx) => {
  const { h } = ctx;
  const prerelease = ctx.version.status === 'prerelease';
  if (ctx.version.latest && !prerelease) return [];
  const latest = ctx.versions.find((v) => v.latest);
  const state = prerelease ? 'which is not released yet' : ctx.version.status === 'unmaintained' ? 'which is no longer maintained' : 'which is not the latest version';
  return h('div', { className: ['version-banner', prerelease ? 'version-banner-prerelease' : 'version-banner-outdated'], role: 'note', dataStrataBanner: '' }, [
    h('p', [
      `You are reading the docs of ${ctx.version.label}, ${state}.`,
      latest ? ' ' : undefined,
      latest
        ? h('a', { href: latest.href, dataSamePage: String(latest.samePage) }, latest.samePage ? `Read this page in ${latest.label} (latest)` : `Go to ${latest.label} (latest)`)
        : undefined,
    ]),
  ]);
};

export default versionBanner;
