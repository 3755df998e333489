import type { PreparedVersion } from '../build/prepare-version.js';
import { fieldPlace } from '../content/front-matter.js';
import { headOf } from '../content/page.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { rules } from '../diagnostics/rules.js';
import { MANIFEST_FILE } from './manifest.js';

/** Files Strata generates in every version folder. */
const GENERATED = ['strata-pages.json', MANIFEST_FILE, 'sitemap.xml'];

/**
 * Two sources that would be written to one output path inside a version
 * folder: a page and a static file (`static/a/index.html` and `content/a.md`),
 * a file and one Strata generates, or an alias that is another page's URL
 * or another page's alias. (Two pages with one URL are found at discovery.)
 */
export function outputCollisions(prepared: PreparedVersion): Diagnostic[] {
  const out: Diagnostic[] = [];
  const owners = new Map<string, string>();
  for (const page of prepared.pages) if (!owners.has(`${page.url}index.html`)) owners.set(`${page.url}index.html`, `page ${page.file}`);
  for (const name of GENERATED) owners.set(`/${name}`, `Strata's ${name}`);
  const display = prepared.version.tree.displayPrefix;
  for (const file of prepared.files) {
    const path = `/${file.output}`;
    const owner = owners.get(path);
    if (owner) {
      out.push({
        severity: 'error',
        ruleId: rules.outputCollision,
        message: `\`${file.output}\` would be written twice in the version's output: by this file and by ${owner}`,
        file: display + file.source,
      });
    } else owners.set(path, `file ${display}${file.source}`);
  }
  const aliasOwner = new Map<string, string>();
  for (const page of prepared.pages) {
    for (const alias of page.aliases) {
      const other = prepared.byUrl.get(alias);
      const first = aliasOwner.get(alias);
      const file = owners.get(`${alias}index.html`);
      const place = fieldPlace(headOf(page), page.bodyOffset, 'aliases') ?? { line: 1, column: 1 };
      if (other && other !== page) out.push({ severity: 'warning', ruleId: rules.aliasConflict, message: `alias \`${alias}\` is the URL of ${other.file}, so no redirect is written`, file: page.file, place });
      else if (first) out.push({ severity: 'warning', ruleId: rules.aliasConflict, message: `alias \`${alias}\` is also an alias of ${first}, whose redirect wins`, file: page.file, place });
      else if (file?.startsWith('file ')) {
        out.push({ severity: 'error', ruleId: rules.outputCollision, message: `the redirect page of alias \`${alias}\` would replace ${file.slice(5)}`, file: page.file, place });
      }
      if (!first) aliasOwner.set(alias, page.file);
    }
  }
  return out;
}
