import type { Shortcode } from 'strata-docs';

/**
 * A site shortcode module: the Strata twin of layouts/shortcodes/version_note.html,
 * loaded by Strata's module loader in the differential test.
 * `{{< version_note since="1.17" >}}markdown{{< /version_note >}}`
 */
export const inner = 'required';

interface VersionInfo {
  released: string;
}

const versionNote: Shortcode = async (ctx) => {
  const since = ctx.get('since') ?? '';
  const versions = (ctx.site.data.versions ?? {}) as Record<string, VersionInfo | undefined>;
  const info = versions[since];
  if (!info) {
    ctx.report(`version \`${since}\` is not in data/versions.yaml`, { param: 'since' });
    return '';
  }
  const body = ctx.inner ? (await ctx.inner.render()).children : [];
  return {
    hast: [
      ctx.h('div', { className: ['version-note'], dataSince: since }, [
        ctx.h('p', { className: ['version-note-title'] }, `New in ${since} (${info.released}), see ${ctx.page.title}`),
        ...body,
      ]),
    ],
  };
};

export default versionNote;
