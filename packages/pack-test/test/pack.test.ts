// What users install is what is tested: every public package of the workspace is packed as it
// would be published, installed with npm into fresh apps, and used from ESM, CommonJS,
// TypeScript (nodenext and bundler) and the command line.
import { execFile } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const tsc = join(root, "node_modules", "typescript", "bin", "tsc");

interface Manifest {
  name: string;
  version: string;
  private?: boolean;
  exports?: Record<string, unknown>;
  bin?: Record<string, string> | string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  [key: string]: unknown;
}

interface Workspace {
  dir: string;
  manifest: Manifest;
}

/** Every package of the workspace that is published: not private. Nothing is listed by hand. */
function publicPackages(): Workspace[] {
  const found: Workspace[] = [];
  for (const group of ["packages", "apps"]) {
    for (const name of readdirSync(join(root, group)).sort()) {
      const file = join(root, group, name, "package.json");
      if (!existsSync(file)) continue;
      const manifest = JSON.parse(readFileSync(file, "utf8")) as Manifest;
      if (!manifest.private) found.push({ dir: join(root, group, name), manifest });
    }
  }
  return found;
}

/** The names of the workspace's private packages: none may be a dependency of a published one. */
function privateNames(): string[] {
  const names: string[] = [];
  for (const group of ["packages", "apps"]) {
    for (const name of readdirSync(join(root, group))) {
      const file = join(root, group, name, "package.json");
      if (!existsSync(file)) continue;
      const manifest = JSON.parse(readFileSync(file, "utf8")) as Manifest;
      if (manifest.private) names.push(manifest.name);
    }
  }
  return names;
}

const hasRoot = (m: Manifest) => m.exports === undefined || "." in m.exports;
const binsOf = (m: Manifest): string[] =>
  m.bin === undefined
    ? []
    : typeof m.bin === "string"
      ? [m.name.split("/").pop()!]
      : Object.keys(m.bin);

async function sh(file: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) {
  try {
    return await run(file, args, {
      cwd,
      env: { ...process.env, ...env },
      maxBuffer: 64 * 1024 * 1024,
      timeout: 150_000,
    });
  } catch (error) {
    const e = error as Error & { stdout?: string; stderr?: string };
    throw new Error(
      `${file} ${args.join(" ")} (in ${cwd}) failed:\n${e.stdout ?? ""}\n${e.stderr ?? e.message}`,
    );
  }
}

const packages = publicPackages();
const known = [
  "@transfer-errors/core",
  "@transfer-errors/basic-ftp",
  "@transfer-errors/ssh2-sftp-client",
  "@transfer-errors/cli",
];
let work: string;
const tarballs = new Map<string, string>();
const contents = new Map<string, string[]>();
const manifests = new Map<string, Manifest>();
let esmApp: string;
let cjsApp: string;

async function makeApp(name: string, type: "module" | "commonjs"): Promise<string> {
  const dir = join(work, name);
  mkdirSync(dir);
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name, private: true, type }, null, 2));
  await sh(
    "npm",
    [
      "install",
      "--no-audit",
      "--no-fund",
      "--prefer-offline",
      // ssh2's optional native build is not needed to load the packages.
      "--ignore-scripts",
      "--loglevel=error",
      ...[...tarballs.values()],
      "@types/node@20",
    ],
    dir,
  );
  return dir;
}

beforeAll(async () => {
  for (const { dir, manifest } of packages) {
    if (!existsSync(join(dir, "dist"))) {
      throw new Error(
        `${manifest.name} is not built (${dir}/dist is missing): run "pnpm build" first`,
      );
    }
  }
  work = mkdtempSync(join(tmpdir(), "te-pack-"));
  const out = join(work, "tarballs");
  mkdirSync(out);
  // pnpm pack, as publishing does: workspace: ranges become the versions they point at.
  await Promise.all(
    packages.map(async ({ dir, manifest }) => {
      const before = new Set(readdirSync(out));
      const { stdout } = await sh("pnpm", ["pack", "--pack-destination", out], dir);
      const file = stdout.trim().split("\n").pop()!.trim();
      tarballs.set(manifest.name, file);
      expect(before.has(file)).toBe(false);
    }),
  );
  for (const [name, file] of tarballs) {
    const { stdout } = await sh("tar", ["-tzf", file], work);
    contents.set(
      name,
      stdout
        .trim()
        .split("\n")
        .map((f) => f.replace(/^package\//, "")),
    );
    const { stdout: json } = await sh("tar", ["-xzOf", file, "package/package.json"], work);
    manifests.set(name, JSON.parse(json));
  }
  [esmApp, cjsApp] = await Promise.all([
    makeApp("app-esm", "module"),
    makeApp("app-cjs", "commonjs"),
  ]);
}, 180_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe("the packed tarballs", () => {
  it("are found without a list: every public package of the workspace", () => {
    const names = packages.map((p) => p.manifest.name);
    expect(names).toEqual(expect.arrayContaining(known));
  });

  it.each(packages.map((p) => p.manifest.name))(
    "%s ships dist, README and LICENSE only",
    (name) => {
      const files = contents.get(name)!;
      expect(files).toContain("package.json");
      expect(files).toContain("LICENSE");
      expect(files).toContain("README.md");
      expect(files.some((f) => f.startsWith("dist/"))).toBe(true);
      expect(files.filter((f) => f.startsWith("src/"))).toEqual([]);
      expect(files.filter((f) => f.endsWith(".map"))).toEqual([]);
    },
  );

  it.each(packages.map((p) => p.manifest.name))("%s has a publishable package.json", (name) => {
    const manifest = manifests.get(name)!;
    expect(manifest.license).toBe("MIT");
    expect(manifest.repository).toMatchObject({
      url: expect.stringContaining("github.com/transfer-errors/transfer-errors"),
    });
    expect(manifest.homepage).toEqual(expect.any(String));
    expect(manifest.bugs).toBeDefined();
    const ranges = {
      ...manifest.dependencies,
      ...manifest.devDependencies,
      ...manifest.peerDependencies,
    };
    expect(Object.entries(ranges).filter(([, range]) => range.startsWith("workspace:"))).toEqual(
      [],
    );
    const unpublished = privateNames();
    expect(Object.keys(ranges).filter((dep) => unpublished.includes(dep))).toEqual([]);
  });

  it.each(packages.map((p) => p.manifest.name))("%s has a released version, not 0.0.0", (name) => {
    expect(manifests.get(name)!.version).toMatch(/^(?!0\.0\.0$)\d+\.\d+\.\d+/);
  });
});

describe("installed with npm into a fresh app", () => {
  const roots = () => packages.filter((p) => hasRoot(p.manifest)).map((p) => p.manifest.name);

  it("imports each package root from ESM", async () => {
    const script = `
      const names = ${JSON.stringify(roots())};
      const out = {};
      for (const name of names) out[name] = Object.keys(await import(name)).sort();
      console.log(JSON.stringify(out));`;
    const { stdout, stderr } = await sh("node", ["--input-type=module", "-e", script], esmApp);
    const exported = JSON.parse(stdout) as Record<string, string[]>;
    expect(Object.keys(exported).sort()).toEqual(roots().sort());
    for (const [name, keys] of Object.entries(exported))
      expect(keys.length, name).toBeGreaterThan(0);
    expect(exported["@transfer-errors/core"]).toEqual(
      expect.arrayContaining(["explain", "isRetryable", "TransferError", "withRetry"]),
    );
    expect(stderr).toBe("");
  });

  it("requires each package root from CommonJS (Node 20.19+)", async () => {
    const script = `
      const out = {};
      for (const name of ${JSON.stringify(roots())}) out[name] = Object.keys(require(name)).filter((k) => k !== "__esModule" && k !== "module.exports").sort();
      console.log(JSON.stringify(out));`;
    const { stdout } = await sh("node", ["-e", script], cjsApp);
    const required = JSON.parse(stdout) as Record<string, string[]>;
    const imported = await sh(
      "node",
      [
        "--input-type=module",
        "-e",
        `const out = {}; for (const n of ${JSON.stringify(roots())}) out[n] = Object.keys(await import(n)).sort(); console.log(JSON.stringify(out));`,
      ],
      cjsApp,
    );
    expect(required).toEqual(JSON.parse(imported.stdout));
    const { stdout: name } = await sh(
      "node",
      [
        "-e",
        'const { explain, isRetryable } = require("@transfer-errors/core"); console.log(explain(550).name, isRetryable({ code: "ECONNRESET" }))',
      ],
      cjsApp,
    );
    expect(name.trim()).toBe("FILE_UNAVAILABLE true");
  });

  const typed = `
import { explain, isRetryable, TransferError, toTransferError } from "@transfer-errors/basic-ftp";
import { toTransferError as fromSftp } from "@transfer-errors/ssh2-sftp-client";
import * as core from "@transfer-errors/core";
${roots()
  .map((name, i) => `import * as p${i} from "${name}";\nvoid p${i};`)
  .join("\n")}

const error: TransferError = toTransferError(Object.assign(new Error("550 No such file"), { code: 550 }), { operation: "downloadTo", path: "/x" });
const sftpError: core.TransferError = fromSftp(Object.assign(new Error("get: No such file /x"), { code: 2 }));
const retry: boolean = isRetryable(error) || isRetryable(sftpError);
const entry = explain(550);
const name: string | undefined = entry?.name;
if (error instanceof core.TransferError) console.log(error.reason, retry, name);
// @ts-expect-error: reason is a union of names, not any string
const wrong: typeof error.reason = "no-such-reason";
void wrong;
`;

  it.each([
    ["nodenext", { module: "nodenext", moduleResolution: "nodenext" }],
    ["bundler", { module: "esnext", moduleResolution: "bundler" }],
  ])(
    "type-checks with TypeScript, module resolution %s",
    async (label, options) => {
      const dir = join(esmApp, `ts-${label}`);
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, "use.ts"), typed);
      writeFileSync(
        join(dir, "tsconfig.json"),
        JSON.stringify({
          compilerOptions: {
            ...options,
            target: "es2022",
            strict: true,
            noEmit: true,
            types: ["node"],
            skipLibCheck: false,
            exactOptionalPropertyTypes: true,
          },
          files: ["use.ts"],
        }),
      );
      await sh("node", [tsc, "-p", "tsconfig.json"], dir);
      // tsc over every package's types without skipLibCheck: a minute on a busy machine.
    },
    180_000,
  );

  it("runs every bin with npx: transfer-errors explain 550", async () => {
    const bins = packages.flatMap((p) => binsOf(p.manifest));
    expect(bins).toContain("transfer-errors");
    const { stdout } = await sh(
      "npx",
      ["--no-install", "transfer-errors", "explain", "550"],
      esmApp,
    );
    expect(stdout).toMatch(/^FTP 550 FILE_UNAVAILABLE$/m);
    for (const bin of bins) {
      const { stdout: version } = await sh("npx", ["--no-install", bin, "--version"], cjsApp);
      expect(version.trim()).toBe(
        packages.find((p) => binsOf(p.manifest).includes(bin))!.manifest.version,
      );
    }
  });
});
