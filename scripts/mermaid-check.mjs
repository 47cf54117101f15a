#!/usr/bin/env node
// mermaid-check: parse Mermaid diagrams with Mermaid's own parser and print
// what it read, one JSON line per diagram, so tests can check that
// `journeymap export --format mermaid` is accepted and means what it says.
//
//   node scripts/mermaid-check.mjs FILE...   (a .mmd file, or Markdown with ```mermaid blocks; - is stdin)
//   node scripts/mermaid-check.mjs --probe   (exit 0 when mermaid and jsdom can be loaded, else 3)
//
// It needs the npm packages mermaid (11 or later) and jsdom, looked up from
// $JOURNEYMAP_MERMAID_DIR (a directory holding node_modules), else from this
// script's directory upwards:
//   npm install --prefix "$JOURNEYMAP_MERMAID_DIR" mermaid@11 jsdom
// Exit status: 0 all parsed, 1 a diagram was rejected, 3 the packages are missing.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const base = process.env.JOURNEYMAP_MERMAID_DIR
  ? pathToFileURL(path.join(path.resolve(process.env.JOURNEYMAP_MERMAID_DIR), 'package.json'))
  : import.meta.url;
const require = createRequire(base);

let mermaid;
try {
  const { JSDOM } = require('jsdom');
  // Mermaid sanitises text with DOMPurify, which needs a DOM even to parse.
  const dom = new JSDOM('');
  globalThis.window = dom.window;
  globalThis.document = dom.window.document;
  mermaid = (await import(pathToFileURL(require.resolve('mermaid')).href)).default;
  const version = JSON.parse(readFileSync(require.resolve('mermaid/package.json'), 'utf8')).version;
  if (Number(version.split('.')[0]) < 11) {
    console.error(`mermaid-check: mermaid ${version} is older than 11`);
    process.exit(3);
  }
} catch (e) {
  console.error(`mermaid-check: cannot load mermaid and jsdom: ${e.message.split('\n')[0]}`);
  process.exit(3);
}
if (process.argv[2] === '--probe') process.exit(0);
mermaid.initialize({ startOnLoad: false });

function diagrams(text) {
  const blocks = [...text.matchAll(/^```mermaid\n([\s\S]*?)^```$/gm)].map((m) => m[1]);
  return blocks.length > 0 ? blocks : [text];
}

let failed = false;
for (const file of process.argv.slice(2)) {
  const text = readFileSync(file === '-' ? 0 : file, 'utf8');
  for (const src of diagrams(text)) {
    try {
      const { diagramType } = await mermaid.parse(src);
      const d = await mermaid.mermaidAPI.getDiagramFromText(src);
      const out = { file, type: diagramType };
      if (diagramType === 'journey') {
        Object.assign(out, {
          title: d.db.getDiagramTitle(),
          accTitle: d.db.getAccTitle(),
          accDescr: d.db.getAccDescription(),
          sections: d.db.getSections(),
          tasks: d.db.getTasks().map((t) => ({ section: t.section, task: t.task, score: t.score, people: t.people })),
        });
      }
      console.log(JSON.stringify(out));
    } catch (e) {
      failed = true;
      console.error(`${file}: mermaid rejected a diagram: ${e.message}`);
    }
  }
}
process.exit(failed ? 1 : 0);
