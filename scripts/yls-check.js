#!/usr/bin/env node
// Drives yaml-language-server (the server behind VS Code's YAML extension)
// over stdio: opens each file given, and prints the diagnostics it publishes
// as FILE:LINE:COL: MESSAGE, one a line ("FILE: no diagnostics" when none).
// Usage: node scripts/yls-check.js path/to/yaml-language-server FILE...
// The schema comes from each file's `# yaml-language-server: $schema=` line,
// or from YLS_SCHEMAS, a JSON object used as the `yaml.schemas` setting.
// YLS_HOVER=FILE:LINE:COL (1-based) also prints what hovering there shows.
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const path = require('path');
const { pathToFileURL } = require('url');

const [server, ...files] = process.argv.slice(2);
const child = spawn(process.execPath, [server, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
let buf = Buffer.alloc(0);
const yamlSettings = { validate: true, hover: true, completion: true, schemaStore: { enable: false } };
if (process.env.YLS_SCHEMAS) yamlSettings.schemas = JSON.parse(process.env.YLS_SCHEMAS);
let id = 0;
const pending = new Map();
const diagnostics = new Map();

function send(msg) {
  const body = Buffer.from(JSON.stringify(Object.assign({ jsonrpc: '2.0' }, msg)));
  child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
  child.stdin.write(body);
}
function request(method, params) {
  return new Promise((resolve) => { id++; pending.set(id, resolve); send({ id, method, params }); });
}
child.stdout.on('data', (chunk) => {
  buf = Buffer.concat([buf, chunk]);
  for (;;) {
    const sep = buf.indexOf('\r\n\r\n');
    if (sep < 0) return;
    const len = Number(/Content-Length: (\d+)/i.exec(buf.slice(0, sep).toString())[1]);
    if (buf.length < sep + 4 + len) return;
    const msg = JSON.parse(buf.slice(sep + 4, sep + 4 + len).toString());
    buf = buf.slice(sep + 4 + len);
    if (msg.id !== undefined && msg.method) {
      // A request from the server: configuration and the like.
      const result = msg.method === 'workspace/configuration'
        ? msg.params.items.map((it) => (it.section === 'yaml' ? yamlSettings : null))
        : null;
      send({ id: msg.id, result });
    } else if (msg.id !== undefined && pending.has(msg.id)) {
      pending.get(msg.id)(msg.result); pending.delete(msg.id);
    } else if (msg.method === 'textDocument/publishDiagnostics') {
      diagnostics.set(msg.params.uri, msg.params.diagnostics);
    }
  }
});

(async () => {
  const root = pathToFileURL(process.cwd()).href;
  await request('initialize', { processId: process.pid, rootUri: root, capabilities: { workspace: { configuration: true } }, workspaceFolders: [{ uri: root, name: 'w' }] });
  send({ method: 'initialized', params: {} });
  send({ method: 'workspace/didChangeConfiguration', params: { settings: { yaml: yamlSettings } } });
  const uris = files.map((f) => pathToFileURL(path.resolve(f)).href);
  files.forEach((f, i) => send({ method: 'textDocument/didOpen', params: { textDocument: { uri: uris[i], languageId: 'yaml', version: 1, text: fs.readFileSync(f, 'utf8') } } }));
  // Diagnostics arrive asynchronously; wait until every file has some report.
  const deadline = Date.now() + 15000;
  while (Date.now() < deadline && uris.some((u) => !diagnostics.has(u))) await new Promise((r) => setTimeout(r, 100));
  await new Promise((r) => setTimeout(r, 1500)); // a later, fuller report may follow
  let code = 0;
  files.forEach((f, i) => {
    const ds = diagnostics.get(uris[i]);
    if (!ds) { console.log(`${f}: no report from the server`); code = 2; return; }
    if (ds.length === 0) console.log(`${f}: no diagnostics`);
    ds.forEach((d) => console.log(`${f}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.message.replace(/\n/g, ' ')}`));
  });
  if (process.env.YLS_HOVER) {
    const [f, line, col] = process.env.YLS_HOVER.split(':');
    const h = await request('textDocument/hover', { textDocument: { uri: pathToFileURL(path.resolve(f)).href }, position: { line: Number(line) - 1, character: Number(col) - 1 } });
    const text = h && h.contents ? (h.contents.value || JSON.stringify(h.contents)) : '(nothing)';
    console.log(`hover ${process.env.YLS_HOVER}: ${text.replace(/\n+/g, ' | ')}`);
  }
  child.kill();
  process.exit(code);
})();
