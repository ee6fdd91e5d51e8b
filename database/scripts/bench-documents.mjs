#!/usr/bin/env node
/**
 * Measures a 25 MB document through the private vault (streamed, encrypted, checked) against a
 * plain Strapi media upload and static download of the same file, on one freshly started CMS:
 * time per operation (median of 3) and the server's peak RSS growth (VmHWM, reset before each).
 * Prints figures and ratios; it asserts nothing. Usage: node database/scripts/bench-documents.mjs
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createReadStream, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { REPO_ROOT } from '@mobio/config';

const SIZE = 25 * 1024 * 1024;
const RUNS = 3;
const dir = mkdtempSync(join(tmpdir(), 'mobio-bench-'));
const port = await new Promise((resolve) => {
  const server = createServer().listen(0, '127.0.0.1', () => {
    const { port: free } = server.address();
    server.close(() => resolve(free));
  });
});
const url = `http://127.0.0.1:${port}`;

const cms = spawn(process.execPath, [join(REPO_ROOT, 'node_modules/@strapi/strapi/bin/strapi.js'), 'start'], {
  cwd: join(REPO_ROOT, 'cms'),
  env: {
    ...process.env,
    STRAPI_TELEMETRY_DISABLED: 'true',
    MOBIO_ENV_FILE: join(dir, '.env'),
    DATABASE_CLIENT: 'sqlite',
    DATABASE_FILENAME: join(dir, 'bench.db'),
    DOCUMENTS_DIR: join(dir, 'documents'),
    CMS_PORT: String(port),
    UPLOAD_MAX_BYTES: String(30 * 1024 * 1024),
    ADMIN_EMAIL: 'bench@example.org',
    ADMIN_PASSWORD: 'Bench1234!',
  },
  stdio: 'ignore',
});
process.on('exit', () => {
  cms.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

const started = Date.now();
for (;;) {
  if (Date.now() - started > 120_000) throw new Error('CMS did not start');
  try {
    if ((await fetch(`${url}/_health`)).status === 204) break;
  } catch {}
  await new Promise((r) => setTimeout(r, 200));
}

const status = () => readFileSync(`/proc/${cms.pid}/status`, 'utf8');
const kb = (field) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status())[1]);
/** Runs `fn` RUNS times; returns the median time and the largest peak-RSS growth over the RSS before it. */
async function measure(fn) {
  const times = [];
  let growth = 0;
  for (let i = 0; i < RUNS; i++) {
    writeFileSync(`/proc/${cms.pid}/clear_refs`, '5'); // resets VmHWM to the current RSS
    const before = kb('VmRSS');
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
    growth = Math.max(growth, kb('VmHWM') - before);
  }
  return { ms: times.sort((a, b) => a - b)[Math.floor(RUNS / 2)], mb: growth / 1024 };
}

const file = join(dir, 'zeugnis.pdf');
writeFileSync(file, Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(SIZE).map((b) => (b === 0x3c ? 0x3d : b)), Buffer.from('\n%%EOF\n')]));
const bytes = statSync(file).size;

const newcomer = await (await fetch(`${url}/api/auth/local/register`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ username: 'bench', email: 'bench@newcomer.example', password: 'Bench1234!' }),
})).json();
const admin = (await (await fetch(`${url}/admin/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ email: 'bench@example.org', password: 'Bench1234!' }),
})).json()).data.token;

let documentId;
const vaultUpload = await measure(async () => {
  const res = await fetch(`${url}/api/sharing/documents?kind=certificate&title=Bench&fileName=zeugnis.pdf`, {
    method: 'POST',
    headers: { 'content-type': 'application/pdf', 'content-length': String(bytes), authorization: `Bearer ${newcomer.jwt}` },
    body: Readable.toWeb(createReadStream(file)),
    duplex: 'half',
  });
  if (res.status !== 201) throw new Error(`vault upload: ${res.status} ${await res.text()}`);
  documentId = (await res.json()).data.documentId;
});
const vaultDownload = await measure(async () => {
  const res = await fetch(`${url}/api/sharing/documents/${documentId}/file`, { headers: { authorization: `Bearer ${newcomer.jwt}` } });
  let n = 0;
  for await (const chunk of res.body) n += chunk.length;
  if (n !== bytes) throw new Error(`vault download: ${n} bytes`);
});

let publicUrl;
const uploadedIds = [];
const plainUpload = await measure(async () => {
  const form = new FormData();
  form.append('files', new Blob([readFileSync(file)], { type: 'application/pdf' }), 'zeugnis.pdf');
  const res = await fetch(`${url}/upload`, { method: 'POST', headers: { authorization: `Bearer ${admin}` }, body: form });
  if (res.status !== 201 && res.status !== 200) throw new Error(`plain upload: ${res.status} ${await res.text()}`);
  const [uploaded] = await res.json();
  publicUrl = uploaded.url;
  uploadedIds.push(uploaded.id);
});
const plainDownload = await measure(async () => {
  const res = await fetch(`${url}${publicUrl}`);
  let n = 0;
  for await (const chunk of res.body) n += chunk.length;
  if (n !== bytes) throw new Error(`plain download: ${n} bytes`);
});

// The media library writes into cms/public/uploads of this checkout: take the bench's files out again.
for (const id of uploadedIds) await fetch(`${url}/upload/files/${id}`, { method: 'DELETE', headers: { authorization: `Bearer ${admin}` } });

const row = (name, m, base) =>
  `| ${name.padEnd(36)} | ${m.ms.toFixed(0).padStart(7)} ms | ${base ? (m.ms / base.ms).toFixed(2).padStart(5) + '×' : '     –'} | ${m.mb.toFixed(1).padStart(6)} MB |`;
console.log(`\n25 MB document (${bytes} bytes), median of ${RUNS}, peak RSS growth of the CMS process (VmHWM − VmRSS before)\n`);
console.log('| operation                            |    time    | ratio  | peak RSS + |');
console.log('| ------------------------------------ | ---------- | ------ | ---------- |');
console.log(row('plain Strapi upload (media library)', plainUpload));
console.log(row('MoBio vault upload (encrypted)', vaultUpload, plainUpload));
console.log(row('plain static download (/uploads)', plainDownload));
console.log(row('MoBio vault download (decrypted)', vaultDownload, plainDownload));
process.exit(0);
