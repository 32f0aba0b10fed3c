/**
 * Compiles the mini-program offline exactly as an upload would (miniprogram-ci getCompiledResult:
 * TS → JS, minified, unused files dropped) and checks the package sizes WeChat enforces at upload:
 * 2 MB for the main package and for each subpackage, 20 MB in all. Fails on compile errors too.
 * Run after `npm run build:npm` (miniprogram_npm counts towards the main package).
 *
 * miniprogram-ci first asks a WeChat server for the project's attributes, which fails offline
 * and without a real appid. We pre-fill the project's private `_attr` with the documented default
 * attributes instead. That field is an internal of miniprogram-ci 2.1.42 (pinned in package.json);
 * this script is the only place that touches it.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as ci from 'miniprogram-ci';

const root = path.resolve(__dirname, '..');

/** The miniprogram-ci version whose `_attr` internal this script was written against. */
const PINNED_CI_VERSION = '2.1.42';

const MB = 1024 * 1024;
/** WeChat's limits: per package (main or sub), and the safe total for everything. */
export const LIMITS = { packageBytes: 2 * MB, totalBytes: 20 * MB };

/**
 * A closed local port as miniprogram-ci's proxy: its few requests to WeChat (project attributes,
 * the allowed-extension list) fail at once instead of waiting on DNS or a firewall; it falls back
 * to built-in defaults. The errors it logs about servicewechat.com are expected.
 */
const OFFLINE_PROXY = 'http://127.0.0.1:9';

/** Top-level entries of the repository the compiler needs; everything else is not globbed. */
const KEEP_AT_ROOT = new Set(['miniprogram', 'project.config.json', 'project.private.config.json']);

export interface PackageSize {
  /** 'main' or the subpackage's root folder. */
  name: string;
  files: number;
  bytes: number;
}

export interface SizeReport {
  packages: PackageSize[];
  totalBytes: number;
  /** Human-readable reasons the check fails; empty when within limits. */
  violations: string[];
}

interface ProjectConfig {
  appid: string;
  miniprogramRoot?: string;
}

interface AppJson {
  subPackages?: { root: string }[];
  subpackages?: { root: string }[];
}

function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
}

function trimSlashes(p: string): string {
  return p.replace(/^\.?\/+/, '').replace(/\/+$/, '');
}

/** A throwaway RSA key: miniprogram-ci insists on one even when nothing is uploaded. */
function writeDummyKey(dir: string): string {
  const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const file = path.join(dir, 'private.dummy.key');
  fs.writeFileSync(file, privateKey.export({ type: 'pkcs1', format: 'pem' }));
  return file;
}

/** Ignore globs for every top-level entry the compiler does not need (.data, server, …). */
function ignoresOutsideMiniprogram(): string[] {
  return fs
    .readdirSync(root, { withFileTypes: true })
    .filter((entry) => !KEEP_AT_ROOT.has(entry.name))
    .map((entry) => (entry.isDirectory() ? `${entry.name}/**/*` : entry.name));
}

function ciVersion(): string {
  const pkg = readJson<{ version: string }>(
    (require as unknown as NodeJS.Require).resolve('miniprogram-ci/package.json'),
  );
  return pkg.version;
}

/**
 * Compiles the project offline and returns the files an upload would contain, by path relative
 * to the miniprogram root. It routes miniprogram-ci's requests to a closed port for the rest of
 * the process: do not reuse it in a script that uploads.
 */
export async function compileMiniprogram(): Promise<Record<string, string | Buffer>> {
  const config = readJson<ProjectConfig>(path.join(root, 'project.config.json'));
  ci.proxy(OFFLINE_PROXY);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lxf-check-size-'));
  try {
    const project = new ci.Project({
      projectPath: root,
      type: 'miniProgram',
      appid: config.appid,
      privateKeyPath: writeDummyKey(tmp),
      ignores: ignoresOutsideMiniprogram(),
    });
    // The internal: attributes the server would have sent, so nothing goes over the network.
    (project as unknown as { _attr: unknown })._attr = {
      ...ci.DefaultProjectAttr,
      setting: { ...ci.DefaultProjectAttr.setting },
    };
    const files = await ci.getCompiledResult({
      project,
      version: '0.0.0',
      setting: { useProjectConfig: true },
      onProgressUpdate: (task) => {
        if (process.env.CHECK_SIZE_VERBOSE)
          console.log('[progress]', typeof task === 'string' ? task : `${task.status} ${task.message}`);
      },
    });
    if (process.env.CHECK_SIZE_VERBOSE) console.log(Object.keys(files).join('\n'));
    return files;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** Splits compiled files (paths relative to the miniprogram root) by app.json subpackage roots. */
export function measure(files: Record<string, string | Buffer>, subRoots: string[]): SizeReport {
  const sizes = new Map<string, PackageSize>([['main', { name: 'main', files: 0, bytes: 0 }]]);
  for (const sub of subRoots) sizes.set(sub, { name: sub, files: 0, bytes: 0 });
  for (const [rel, content] of Object.entries(files)) {
    const owner = subRoots.find((sub) => rel.startsWith(`${sub}/`)) ?? 'main';
    const entry = sizes.get(owner)!;
    entry.files += 1;
    entry.bytes += typeof content === 'string' ? Buffer.byteLength(content, 'utf8') : content.length;
  }
  const packages = [...sizes.values()];
  const totalBytes = packages.reduce((sum, p) => sum + p.bytes, 0);
  const violations: string[] = [];
  for (const p of packages) {
    if (p.bytes > LIMITS.packageBytes) {
      violations.push(
        `${p.name} is ${p.bytes} bytes (${formatBytes(p.bytes)}), over the ${formatBytes(LIMITS.packageBytes)} package limit`,
      );
    }
    if (p.name !== 'main' && p.files === 0) violations.push(`subpackage ${p.name} compiled to no files`);
  }
  if (totalBytes > LIMITS.totalBytes) {
    violations.push(
      `all packages are ${totalBytes} bytes (${formatBytes(totalBytes)}), over the ${formatBytes(LIMITS.totalBytes)} total limit`,
    );
  }
  return { packages, totalBytes, violations };
}

function formatBytes(bytes: number): string {
  return bytes >= MB ? `${(bytes / MB).toFixed(2)} MB` : `${(bytes / 1024).toFixed(1)} KB`;
}

/** Compiles and measures the mini-program; throws on compile errors. */
export async function checkMiniprogramSize(): Promise<SizeReport> {
  const version = ciVersion();
  if (version !== PINNED_CI_VERSION) {
    console.warn(
      `[check-size] miniprogram-ci is ${version}, this script was written for ${PINNED_CI_VERSION}: ` +
        'if the compile now asks the network for project attributes, re-check the `_attr` pre-fill.',
    );
  }
  if (!fs.existsSync(path.join(root, 'miniprogram', 'miniprogram_npm'))) {
    throw new Error('miniprogram/miniprogram_npm is missing: run `npm run build:npm` first');
  }
  const config = readJson<ProjectConfig>(path.join(root, 'project.config.json'));
  const miniprogramRoot = trimSlashes(config.miniprogramRoot ?? '');
  const app = readJson<AppJson>(path.join(root, miniprogramRoot, 'app.json'));
  const subRoots = (app.subPackages ?? app.subpackages ?? []).map((s) => trimSlashes(s.root));
  const files = await compileMiniprogram();
  return measure(files, subRoots);
}

function printTable(report: SizeReport): void {
  console.log('Compiled package sizes (uncompressed; limits: 2 MB per package, 20 MB in all)');
  const rows = report.packages.map((p) => [
    p.name,
    String(p.files),
    formatBytes(p.bytes),
    `${((p.bytes / LIMITS.packageBytes) * 100).toFixed(1)}%`,
  ]);
  rows.push([
    'total',
    String(report.packages.reduce((n, p) => n + p.files, 0)),
    formatBytes(report.totalBytes),
    `${((report.totalBytes / LIMITS.totalBytes) * 100).toFixed(1)}%`,
  ]);
  const header = ['package', 'files', 'size', 'of limit'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]): string =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
}

// `require` is cast because miniprogram-api-typings (in tsconfig.tools.json) redeclares it.
if ((require as unknown as NodeJS.Require).main === module) {
  const started = Date.now();
  checkMiniprogramSize().then(
    (report) => {
      printTable(report);
      console.log(`[check-size] compiled in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      for (const v of report.violations) console.error(`[check-size] FAIL: ${v}`);
      // Exit explicitly: miniprogram-ci leaves its forked compiler process holding the event loop.
      process.exit(report.violations.length > 0 ? 1 : 0);
    },
    (err: unknown) => {
      console.error('[check-size] compile failed:', err);
      process.exit(1);
    },
  );
}
