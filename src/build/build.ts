import { checkStamp } from '../cache/build-stamp.js';
import type { BuildOptions, BuildSummary } from './build-site.js';

/**
 * A build as `strata build` runs it: when nothing the last build read or
 * wrote has changed (the build stamp), its report stands and nothing is
 * loaded; otherwise the site is built, through the build cache.
 */
export async function build(options: BuildOptions): Promise<BuildSummary> {
  const { reused, walked } = checkStamp(options);
  if (reused) return reused;
  const [{ buildSite }, { limitHeapGrowth }] = await Promise.all([import('./build-site.js'), import('./heap-growth.js')]);
  const restoreHeapGrowth = limitHeapGrowth(options.siteDir, options.cache === true);
  try {
    return await buildSite(options, walked);
  } finally {
    restoreHeapGrowth();
  }
}
