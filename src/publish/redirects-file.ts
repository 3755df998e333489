/**
 * A `_redirects` file in the format Netlify and Cloudflare Pages read: one
 * `from to status` rule per line, paths from the root of the host. The
 * redirect pages stay as well, for every other host.
 */
export function redirectsFile(basePath: string, redirects: ReadonlyArray<readonly [string, string]>): string {
  const lines = redirects.map(([from, to]) => `${encodeURI(basePath + from.slice(1))} ${encodeURI(basePath + to.slice(1))} 301`);
  return `# Old URLs of moved pages (front matter \`aliases\`), written by Strata.\n${lines.join('\n')}${lines.length ? '\n' : ''}`;
}
