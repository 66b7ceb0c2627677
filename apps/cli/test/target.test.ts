// Unit tests of URL reading for diagnose (the binary's tests cover the same through the process).
import { describe, expect, it } from "vitest";
import { displayUrl, otherReading, readTarget } from "../src/diagnose/target.js";
import { UsageError } from "../src/usage-error.js";

describe("readTarget", () => {
  it("reads FTP paths from the login directory, as curl does", () => {
    expect(readTarget("ftp://alice@host/dir/file.txt", undefined)).toMatchObject({
      protocol: "ftp",
      tls: false,
      port: 21,
      user: "alice",
      dir: "dir",
      name: "file.txt",
    });
    expect(readTarget("ftps://host:2121/dir/", undefined)).toMatchObject({
      tls: true,
      port: 2121,
      user: "anonymous",
      dir: "dir",
      name: undefined,
    });
    expect(readTarget("ftp://host", undefined)).toMatchObject({ dir: undefined, name: undefined });
  });

  it("reads SFTP paths from the root, or from home after /~/", () => {
    expect(readTarget("sftp://u@host/var/data/x.csv", undefined)).toMatchObject({
      port: 22,
      dir: "/var/data",
      name: "x.csv",
    });
    expect(readTarget("sftp://u@host/x.csv", undefined)).toMatchObject({ dir: "/", name: "x.csv" });
    expect(readTarget("sftp://u@host/~/in/", undefined)).toMatchObject({
      dir: "in",
      name: undefined,
    });
    expect(readTarget("sftp://u@host/", undefined)).toMatchObject({
      dir: undefined,
      name: undefined,
    });
  });

  it("reads /~/ as the login (home) directory in both protocols, as curl does for SFTP", () => {
    for (const scheme of ["ftp", "ftps", "sftp"]) {
      expect(readTarget(`${scheme}://u@host/~/in/report.csv`, undefined), scheme).toMatchObject({
        from: "home",
        dir: "in",
        name: "report.csv",
      });
      expect(readTarget(`${scheme}://u@host/~/hello.txt`, undefined), scheme).toMatchObject({
        from: "home",
        dir: undefined,
        name: "hello.txt",
      });
    }
    // Without /~/: FTP from the login directory, SFTP from the root; /%2F is FTP's root.
    expect(readTarget("ftp://u@host/hello.txt", undefined)).toMatchObject({
      from: "home",
      dir: undefined,
    });
    expect(readTarget("sftp://u@host/hello.txt", undefined)).toMatchObject({
      from: "root",
      dir: "/",
    });
    expect(readTarget("ftp://u@host/%2Fsrv/hello.txt", undefined)).toMatchObject({
      from: "root",
      dir: "/srv",
      name: "hello.txt",
    });
  });

  it("shows the other reading of a path, for a failure's hint", () => {
    const sftp = readTarget("sftp://u@host/hello.txt", undefined);
    expect(displayUrl(otherReading(sftp)!)).toBe("sftp://host:22/~/hello.txt");
    const ftp = readTarget("ftp://u@host/data/hello.txt", undefined);
    expect(displayUrl(ftp)).toBe("ftp://host:21/data/hello.txt");
    expect(displayUrl(otherReading(ftp)!)).toBe("ftp://host:21/%2Fdata/hello.txt");
    expect(displayUrl(readTarget("ftp://u@host/~/x", undefined))).toBe("ftp://host:21/x");
    expect(otherReading(readTarget("sftp://u@host/", undefined))).toBeUndefined();
  });

  it("decodes the user and password, and never shows them in the displayed URL", () => {
    const target = readTarget("ftp://al%40ce:p%3Ass@host/a/b", undefined);
    expect(target).toMatchObject({ user: "al@ce", password: "p:ss" });
    expect(displayUrl(target)).toBe("ftp://host:21/a/b");
    expect(displayUrl(readTarget("sftp://u@host/~/in/", undefined))).toBe("sftp://host:22/~/in/");
    expect(displayUrl(readTarget("sftp://u@host/var/x", undefined))).toBe("sftp://host:22/var/x");
  });

  it("takes --user, and refuses a second, different user", () => {
    expect(readTarget("ftp://host/", "bob").user).toBe("bob");
    expect(() => readTarget("ftp://alice@host/", "bob")).toThrow(UsageError);
  });

  it.each(["http://host/", "host", "ftp://host/?a=1", "ftp://ho%zzst/"])("refuses %s", (url) => {
    expect(() => readTarget(url, undefined)).toThrow(UsageError);
  });
});
