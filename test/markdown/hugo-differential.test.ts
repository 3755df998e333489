import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import type { StrataConfig } from '../../src/config/schema.js';
import { loadDataFiles } from '../../src/content/data-files.js';
import type { ShortcodeDefinition } from '../../src/shortcodes/definition.js';
import { loadShortcodeModules } from '../../src/shortcodes/load-modules.js';
import { FsTree } from '../../src/versions/fs-tree.js';
import { hugoTestShortcodes } from '../support/hugo-test-shortcodes.js';
import { normalizeHtml } from '../support/normalize-html.js';
import { renderOne } from '../support/render.js';

/**
 * Strata against Hugo 0.111: each case in test/fixtures/hugo/ was rendered by
 * real Hugo (scripts/hugo-fixtures.mjs). Both sides are normalised only for
 * serialisation (see the fixtures' README); where Strata differs on purpose,
 * the difference is spelled out below with its reason.
 */
const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/hugo');
const HUGO_SITE = path.resolve(import.meta.dirname, '../hugo-site');

/**
 * Deliberate differences: where Hugo's output is wrong for readers, Strata
 * does better on purpose. Each edit turns Hugo's output into Strata's.
 */
const DIFFERENCES: Record<string, { reason: string; edit: (hugo: string) => string }> = {
  autolinks: {
    reason: 'GFM leaves an unbalanced trailing `)` out of a bare URL; goldmark keeps it and the link 404s',
    edit: (s) => s.replace('<a href="https://example.com/x)">https://example.com/x)</a>', '<a href="https://example.com/x">https://example.com/x</a>)'),
  },
  notice: {
    reason: 'Hugo pastes a `{{% notice %}}` body raw into an HTML block, so it renders only between blank lines; Strata always renders it as markdown',
    edit: (s) =>
      s
        .replace('<p class="notice-title">Tip</p>\nA tip with **bold** and a [link](/x/).\n</aside>', '<p class="notice-title">Tip</p><p>A tip with <strong>bold</strong> and a <a href="/x/">link</a>.</p></aside>')
        .replace('Same line **bold**.</aside>', '<p>Same line <strong>bold</strong>.</p></aside>')
        .replace('\nAngle form: **not** rendered.\n</aside>', '<p>Angle form: <strong>not</strong> rendered.</p></aside>'),
  },
  'shortcode-percent-in-list': {
    reason: 'as `notice`: the callout body is markdown even without blank lines around it',
    edit: (s) => s.replace('\nIndented **inner** text.\n</aside>', '<p>Indented <strong>inner</strong> text.</p></aside>'),
  },
  'readfile-heading-ids': {
    reason: 'ids are unique on a page even when headings come from included markdown (Hugo repeats them)',
    edit: (s) => {
      let n = 0;
      return s.replace(/id="a-heading-in-a-snippet(?:-1)?"/g, () => (n++ === 0 ? 'id="a-heading-in-a-snippet"' : `id="a-heading-in-a-snippet-${n - 1}"`));
    },
  },
  'shortcode-in-heading': {
    reason: 'automatic ids come from the resolved text, never from Hugo\'s internal placeholder',
    edit: (s) => s.replace('review-version-hahahugoshortcodes0hbhb-changes', 'review-version-117-changes').replace('say-hahahugoshortcodes2hbhb', 'say-hi').replace('say-hahahugoshortcodes3hbhb', 'say-hi-1'),
  },
  'shortcode-in-code-fence': {
    reason: 'shortcode output inside code is shown as text; Strata never injects markup into code',
    edit: (s) => s.replace('<code>inline <b>hi</b> code</code>', '<code>inline hi code</code>'),
  },
  'shortcode-self-closing': {
    reason: 'block output cuts the paragraph around it instead of nesting a <div> in a <p> (invalid HTML)',
    edit: (s) => s.replace('<p>Inline <div class="inner"></div> here.</p>', '<p>Inline</p><div class="inner"></div><p>here.</p>'),
  },
  'ref-relref': {
    reason: 'Hugo\'s `ref` gives an absolute URL (`https://example.org/…`), `relref` a root path; Strata writes both as links relative to the page (to itself: `#anchor`), so the site works under any base path',
    edit: (s) => s.replaceAll('https://example.org/fixtures/ref-relref/', '/fixtures/ref-relref/').replaceAll('"/fixtures/ref-relref/#', '"#'),
  },
  figure: {
    reason: 'Hugo\'s figure template leaves its own indentation between caption and attribution; Strata writes one space (it renders the same)',
    edit: (s) => s.replace(/caption\n\s+<a href="https:\/\/example.org\/me">/, 'caption <a href="https://example.org/me">'),
  },
  strikethrough: {
    reason: 'GFM strikethrough takes one or two tildes; `~~~three~~~` stays text, as on GitHub',
    edit: (s) => s.replace('<del><del>three</del></del>', '~~~three~~~'),
  },
};


const cases = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

/** A case with pages/ is a section: input.md is its _index.md, pages/**.md its children (as the script renders it). */
function casePages(name: string): Record<string, string> {
  const dir = path.join(FIXTURES, name, 'pages');
  if (!existsSync(dir)) return {};
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md'));
  return Object.fromEntries(files.map((f) => [`content/fixtures/${name}/${f.split(path.sep).join('/')}`, readFileSync(path.join(dir, f), 'utf8')]));
}

/** The Hugo site's own config (hugo.toml, read as Strata reads Hugo configs), data files and site shortcode modules. */
let config: StrataConfig;
let data: Record<string, unknown>;
let siteShortcodes: ShortcodeDefinition[];

beforeAll(async () => {
  const loaded = await loadConfig(HUGO_SITE);
  expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  config = loaded.config;
  data = (await loadDataFiles(new FsTree(HUGO_SITE, ''))).data;
  const modules = await loadShortcodeModules(HUGO_SITE, [path.join(HUGO_SITE, 'shortcodes')]);
  expect(modules.diagnostics).toEqual([]);
  siteShortcodes = modules.layers.flat();
});

describe('Hugo differential fixtures', () => {
  it('has cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });

  for (const name of cases) {
    it(name, async () => {
      const input = readFileSync(path.join(FIXTURES, name, 'input.md'), 'utf8');
      const pageFiles = casePages(name);
      const section = Object.keys(pageFiles).length > 0;
      let expected = readFileSync(path.join(FIXTURES, name, 'expected.html'), 'utf8');
      const difference = DIFFERENCES[name];
      if (difference) {
        const edited = difference.edit(expected);
        expect(edited, `the difference for ${name} no longer applies: ${difference.reason}`).not.toBe(expected);
        expected = edited;
      }
      const rendered = await renderOne(input, {
        root: HUGO_SITE,
        source: section ? `content/fixtures/${name}/_index.md` : `content/fixtures/${name}.md`,
        shortcodes: [...hugoTestShortcodes, ...siteShortcodes],
        pageFiles,
        markdown: config.markdown,
        site: { title: config.title, baseUrl: config.baseUrl, params: config.params, data },
      });
      const pageUrl = `/fixtures/${name}/`;
      expect(normalizeHtml(rendered.html, { pageUrl })).toBe(normalizeHtml(expected, { pageUrl }));
    });
  }
});
