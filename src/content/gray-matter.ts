import { createRequire } from 'node:module';
import type grayMatterModule from 'gray-matter';

const require = createRequire(import.meta.url);
let loaded: typeof grayMatterModule | undefined;

/**
 * gray-matter, loaded on first use. With js-yaml (and the esprima it pulls
 * in) it is a large part of Strata's start-up, and a build whose pages all
 * come from the build cache, or a dev server restart, may parse no front
 * matter at all.
 */
export function grayMatter(): typeof grayMatterModule {
  return (loaded ??= require('gray-matter') as typeof grayMatterModule);
}
