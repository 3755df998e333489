import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { describe, expect, it } from 'vitest';
import { REPO } from '../support/cli.js';
import { renderOne } from '../support/render.js';
import { budget, fuzzOptions, MARKDOWN_PIECES, placeProblems, SHORTCODE_PIECES, textOf, timed } from './fuzz.js';

/** The seed page: every shortcode and markdown construct the example docs use. */
const SEED_FILE = 'content/operations/upgrading/faq.md';
const SEED = readFileSync(path.join(REPO, SEED_FILE), 'utf8');

const FRONT_MATTER = ['', '---\ntitle: Fuzz\n---\n', '+++\ntitle = "Fuzz"\n+++\n', '{"title": "Fuzz"}\n', '---\n', '---\ntitle: [\n---\n', '\n\n---\nweight: x\n---\n'];

/** Renders a page through the whole pipeline (front matter → shortcodes → markdown → transforms → highlight) and checks it. */
async function renderChecked(text: string, source = 'content/fuzz.md') {
  const page = await timed(`rendering ${JSON.stringify(text.slice(0, 80))}…`, () => renderOne(text, { root: REPO, source }));
  expect(placeProblems(text, page.diagnostics), 'every place is inside the file').toEqual([]);
  for (const d of page.diagnostics) if (d.file !== undefined) expect(d.file).toBe(source);
  return page;
}

describe('fuzz: the page pipeline', () => {
  it('renders random pages of markdown and shortcodes without throwing, every diagnostic inside the file', async () => {
    const page = fc.tuple(fc.constantFrom(...FRONT_MATTER), textOf([...MARKDOWN_PIECES, ...SHORTCODE_PIECES], 80)).map(([fm, body]) => fm + body);
    await fc.assert(
      fc.asyncProperty(page, async (text) => {
        await renderChecked(text);
      }),
      fuzzOptions(),
    );
  }, budget(60));

  it('renders arbitrary strings without throwing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ maxLength: 400, size: 'max' }), fc.string({ unit: 'binary', maxLength: 400, size: 'max' })), async (text) => {
        await renderChecked(text);
      }),
      fuzzOptions(),
    );
  }, budget(40));

  it('keeps the text of a plain paragraph as written (no `{{`, nothing markdown reads)', async () => {
    const word = fc.stringMatching(/^[A-Za-z][A-Za-z0-9,;:?!%=@]{0,11}$/);
    const paragraph = fc.array(word, { minLength: 1, maxLength: 30 }).map((words) => words.join(' '));
    await fc.assert(
      fc.asyncProperty(paragraph, async (text) => {
        const page = await renderChecked(`---\ntitle: Plain\n---\n${text}\n`);
        expect(page.diagnostics).toEqual([]);
        expect(page.html.startsWith('<p>')).toBe(true);
        expect(toString(fromHtml(page.html, { fragment: true }))).toBe(text);
      }),
      fuzzOptions(),
    );
  }, budget(20));

  it('renders mutations of the seed page (slices inserted, deleted, duplicated; shortcode and markdown debris sprinkled) without throwing, every place inside the file', async () => {
    const DEBRIS = ['{{<', '{{%', '%}}', '>}}', '{{< /', '"', '`', '```', '<!--', '-->', '{{% notice tip %}}', '{{% /notice %}}', '{{< readfile file="', '\n', '\n\n', '- ', '> ', '#', '[', '](', '<div>', '\r\n', '\ufeff'];
    const edit = fc.oneof(
      fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...DEBRIS), fc.string({ maxLength: 8 })) }),
      fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.nat(400) }),
      fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), length: fc.nat(400), to: fc.nat() }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 8 }), async (edits) => {
        let text = SEED;
        for (const e of edits) {
          const at = e.at % (text.length + 1);
          if (e.kind === 'insert') text = text.slice(0, at) + e.text + text.slice(at);
          else if (e.kind === 'delete') text = text.slice(0, at) + text.slice(at + e.length);
          else {
            const slice = text.slice(at, at + e.length);
            const to = e.to % (text.length + 1);
            text = text.slice(0, to) + slice + text.slice(to);
          }
        }
        await renderChecked(text, SEED_FILE);
      }),
      fuzzOptions(),
    );
  }, budget(150));
});
