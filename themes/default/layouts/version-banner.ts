import type { Layout } from 'strata-docs/theme';

/**
 * Placeholder: tells readers of an older or unreleased version where the
 * latest docs are. The multi-version build replaces this markup (keeping the
 * `.version-banner` classes the stylesheet styles).
 */
const versionBanner: Layout = (ctx) => {
  const { h } = ctx;
  const prerelease = ctx.version.status === 'prerelease';
  if (ctx.version.latest && !prerelease) return [];
  const latest = ctx.versions.find((v) => v.latest);
  const lead = prerelease
    ? `You are reading the docs of ${ctx.version.label}, which is not released yet.`
    : `You are reading the docs of ${ctx.version.label}, which is not the latest version.`;
  return h('div', { className: ['version-banner', prerelease ? 'version-banner-prerelease' : 'version-banner-outdated'], role: 'note' }, [
    h('p', [
      lead,
      latest ? ' ' : undefined,
      latest ? h('a', { href: latest.href }, latest.samePage ? `Read this page in ${latest.label} (latest)` : `Go to ${latest.label} (latest)`) : undefined,
    ]),
  ]);
};

export default versionBanner;
