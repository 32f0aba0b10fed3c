// Lints source text as if it sat at a path of the project, with the project's eslint.config.mjs,
// through ESLint's Node API. Input on stdin: [{ filePath, code }] (filePath relative to the root);
// output on stdout: [{ filePath, messages: [{ ruleId, message }] }]. A separate process because
// ESLint loads its config with a dynamic import, which Jest's module system does not allow.
import { Buffer } from 'node:buffer';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const inputs = JSON.parse(Buffer.concat(chunks).toString('utf8'));

const eslint = new ESLint({ cwd: root });
const out = [];
for (const { filePath, code } of inputs) {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath), warnIgnored: true });
  out.push({ filePath, messages: result.messages.map((m) => ({ ruleId: m.ruleId, message: m.message })) });
}
process.stdout.write(JSON.stringify(out));
