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
 * The remote path, as curl reads it: FTP paths are relative to the login directory; SFTP paths
 * are absolute, and "/~/" starts at the home directory.
 */
function remotePath(
  protocol: Protocol,
  pathname: string,
): { dir: string | undefined; name: string | undefined } {
  let path = decode(pathname, "path");
  if (protocol === "ftp") path = path.replace(/^\//, "");
  else if (path === "/" || path === "/~" || path.startsWith("/~/"))
    path = path.replace(/^\/~?\/?/, "");
  if (path === "") return { dir: undefined, name: undefined };
  if (path.endsWith("/")) return { dir: path.replace(/(.)\/+$/, "$1"), name: undefined };
  const parent = posix.dirname(path);
  return { dir: parent === "." ? undefined : parent, name: posix.basename(path) };
}

/** Reads and checks the URL; every problem is a UsageError (exit code 2). */
export function readTarget(url: string, userOption: string | undefined): Target {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UsageError(
      `"${url.replace(/\/\/[^@/]*@/, "//")}" is not a URL: give ftp://host, ftps://host or sftp://host`,
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
  // FTP paths start at the login directory; SFTP paths not starting at the root, at home ("/~/").
  const prefix = path.startsWith("/") ? "" : target.protocol === "sftp" && path ? "/~/" : "/";
  return `${scheme}://${host}:${target.port}${prefix}${path}`;
}
