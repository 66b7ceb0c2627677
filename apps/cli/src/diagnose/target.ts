// The server a `diagnose` run talks to, read from its URL: ftp:// (plain), ftps:// (explicit
// TLS: AUTH TLS on the normal port, as basic-ftp's `secure: true`) and sftp://.
import { userInfo } from "node:os";
import { posix } from "node:path";
import type { Protocol } from "@transfer-errors/core";
import { UsageError } from "../usage-error.js";

export interface Target {
  protocol: Protocol;
  tls: boolean;
  host: string;
  port: number;
  user: string;
  /** From the URL; `undefined` when it must come from the environment or a prompt. */
  password: string | undefined;
  /** Where the path starts: the login (home) directory, or the server's root. */
  from: "home" | "root";
  /** The directory to list: `undefined` for the login (home) directory. */
  dir: string | undefined;
  /** A file (or directory) to look at inside `dir`: the last segment of a path without "/" at the end. */
  name: string | undefined;
}

const schemes: Record<string, { protocol: Protocol; tls: boolean; port: number }> = {
  "ftp:": { protocol: "ftp", tls: false, port: 21 },
  "ftps:": { protocol: "ftp", tls: true, port: 21 },
  "sftp:": { protocol: "sftp", tls: false, port: 22 },
};

function decode(part: string, what: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    throw new UsageError(`the ${what} in the URL is not valid percent-encoding`);
  }
}

/**
 * The remote path, as curl reads it: FTP paths are relative to the login directory ("/%2F" starts
 * at the root); SFTP paths are absolute. In both, "/~/" starts at the login (home) directory, so
 * that ftp://host/~/file and sftp://host/~/file mean the same file.
 */
function remotePath(
  protocol: Protocol,
  pathname: string,
): { from: "home" | "root"; dir: string | undefined; name: string | undefined } {
  let path = decode(pathname, "path");
  if (path === "/~" || path.startsWith("/~/")) path = path.replace(/^\/~\/*/, "");
  else if (protocol === "ftp") path = path.replace(/^\//, "");
  // sftp://host/ lists the login directory, as sftp(1) does when no path is given.
  else if (path === "/") path = "";
  const from = path.startsWith("/") ? "root" : "home";
  if (path === "") return { from, dir: undefined, name: undefined };
  if (path.endsWith("/")) return { from, dir: path.replace(/(.)\/+$/, "$1"), name: undefined };
  const parent = posix.dirname(path);
  return { from, dir: parent === "." ? undefined : parent, name: posix.basename(path) };
}

/**
 * What can be shown of a text that is no URL: everything up to its last "@" (after a "//" when
 * there is one) may be credentials, an "@", "/" or quote in the password included.
 */
function withoutCredentials(text: string): string {
  const at = text.lastIndexOf("@");
  if (at < 0) return text;
  const slashes = text.indexOf("//");
  const start = slashes >= 0 && slashes < at ? slashes + 2 : 0;
  return `${text.slice(0, start)}***${text.slice(at)}`;
}

/** Reads and checks the URL; every problem is a UsageError (exit code 2). */
export function readTarget(url: string, userOption: string | undefined): Target {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UsageError(
      `"${withoutCredentials(url)}" is not a URL: give ftp://host, ftps://host or sftp://host`,
    );
  }
  const scheme = schemes[parsed.protocol];
  if (!scheme) {
    throw new UsageError(
      `unsupported scheme "${parsed.protocol}": use ftp://, ftps:// (explicit TLS) or sftp://`,
    );
  }
  if (!parsed.hostname) throw new UsageError("the URL has no host name");
  if (parsed.search || parsed.hash)
    throw new UsageError("the URL must not have a query (?) or fragment (#)");
  const urlUser = parsed.username ? decode(parsed.username, "user name") : undefined;
  if (urlUser && userOption && urlUser !== userOption) {
    throw new UsageError(
      `two users given: "${urlUser}" in the URL and "${userOption}" with --user`,
    );
  }
  const anonymous = scheme.protocol === "ftp" ? "anonymous" : userInfo().username;
  return {
    protocol: scheme.protocol,
    tls: scheme.tls,
    host: parsed.hostname.replace(/^\[(.*)\]$/, "$1"),
    port: parsed.port ? Number(parsed.port) : scheme.port,
    user: userOption ?? urlUser ?? anonymous,
    password: parsed.password ? decode(parsed.password, "password") : undefined,
    ...remotePath(scheme.protocol, parsed.pathname),
  };
}

/** The remote path as the user wrote it: `dir/name`, `dir/`, `name` or "". */
export function pathOf(target: Pick<Target, "dir" | "name">): string {
  const { dir, name } = target;
  if (dir === undefined) return name ?? "";
  const base = dir.replace(/\/$/, "");
  return name === undefined ? `${base}/` : `${base}/${name}`;
}

/** The URL to show: without the user and password (the user is shown on its own). */
export function displayUrl(target: Target): string {
  const scheme = target.protocol === "sftp" ? "sftp" : target.tls ? "ftps" : "ftp";
  const host = target.host.includes(":") ? `[${target.host}]` : target.host;
  const path = pathOf(target);
  // As curl reads them: FTP paths start at the login directory ("/%2F" at the root); SFTP paths
  // at the root ("/~/" at home).
  let shown: string;
  if (path === "") shown = "/";
  else if (target.protocol === "ftp")
    shown = path.startsWith("/") ? `/%2F${path.slice(1)}` : `/${path}`;
  else shown = path.startsWith("/") ? path : `/~/${path}`;
  return `${scheme}://${host}:${target.port}${shown}`;
}

/**
 * The same path read from the other starting point: "/hello.txt" from the root becomes
 * "hello.txt" in the login directory, and the other way round. For a failure's hint.
 */
export function otherReading(target: Target): Target | undefined {
  const path = pathOf(target);
  if (path === "") return undefined;
  const flipped = target.from === "root" ? path.replace(/^\/+/, "") : `/${path}`;
  if (flipped === "" || flipped === "/") return undefined;
  const parent = flipped.endsWith("/") ? flipped.replace(/(.)\/+$/, "$1") : posix.dirname(flipped);
  const name = flipped.endsWith("/") ? undefined : posix.basename(flipped);
  return {
    ...target,
    from: target.from === "root" ? "home" : "root",
    dir: parent === "." ? undefined : parent,
    name,
  };
}
