/**
 * Every rule id Strata reports, in one place, so messages, docs and tests
 * agree on the names (the remark-validate-links habit).
 */
export const rules = {
  frontMatterSyntax: 'front-matter:syntax',
  frontMatterUnclosed: 'front-matter:unclosed',
  frontMatterField: 'front-matter:field',
  shortcodeSyntax: 'shortcode:syntax',
  shortcodeUnclosed: 'shortcode:unclosed',
  shortcodeMismatch: 'shortcode:mismatch',
  shortcodeUnexpectedClose: 'shortcode:unexpected-close',
  shortcodeUnknown: 'shortcode:unknown',
  shortcodeParams: 'shortcode:params',
  shortcodeFailed: 'shortcode:failed',
  readfileMissing: 'shortcode:readfile-missing',
  readfileOutside: 'shortcode:readfile-outside',
  linkMissingPage: 'links:missing-page',
  linkMissingAnchor: 'links:missing-anchor',
  duplicateUrl: 'content:duplicate-url',
  duplicateId: 'content:duplicate-id',
  contentEncoding: 'content:encoding',
  configInvalid: 'config:invalid',
  configIgnored: 'config:ignored',
  versionInvalid: 'versions:invalid',
  versionDuplicate: 'versions:duplicate',
  versionSource: 'versions:source',
  outputUnsafe: 'output:unsafe',
  outputMissing: 'output:missing-target',
  outputAnchor: 'output:missing-anchor',
  outputOutsideBase: 'output:outside-base',
  outputRelative404: 'output:relative-in-404',
  outputCollision: 'output:collision',
  outputNoSitemap: 'output:no-sitemap',
  contentUnreachable: 'content:unreachable',
  aliasConflict: 'content:alias-conflict',
  mergeInput: 'merge:input',
  mergeConflict: 'merge:conflict',
  mergeMissing: 'merge:missing-version',
  internal: 'strata:internal',
} as const;

export type RuleId = (typeof rules)[keyof typeof rules];
