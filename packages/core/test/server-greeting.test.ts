// The server's greeting line as a fact: read safely and cut, kept as the adapters saw it, and
// naming a product whose own reading of a reply comes before the product-free one.
import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import {
  createTransferError,
  decide,
  type Failure,
  greetingLine,
  sshGreetingIn,
  sshGreetingOf,
  watchGreeting,
} from "../src/adapter.js";
import { lookUpReply, productOfGreeting, type ReplyCatalog } from "../src/catalog.js";

const catalog: ReplyCatalog = {
  sftp: { 4: [["Failure", "server-error", 0]] },
  products: [
    {
      product: "OpenSSH sftp-server",
      protocol: "sftp",
      greeting: "^SSH-2\\.0-OpenSSH_",
      replies: { 4: [["Failure", "directory-not-empty", 0, ["RMDIR"]]] },
    },
    { product: "Broken", protocol: "sftp", greeting: "(", replies: {} },
  ],
};

const rmdir = (serverGreeting?: string): Failure => ({
  protocol: "sftp",
  code: 4,
  serverMessage: "Failure",
  operation: "rmdir",
  traits: { commands: ["RMDIR"] },
  catalog,
  serverGreeting,
});

describe("greetingLine", () => {
  it("keeps the first line, trimmed, at most 255 characters; nothing for no text", () => {
    expect(greetingLine("220 ProFTPD Server (Debian) [::1]\r\n220 more")).toBe(
      "220 ProFTPD Server (Debian) [::1]",
    );
    expect(greetingLine(`SSH-2.0-${"x".repeat(1000)}`)).toHaveLength(255);
    expect(greetingLine(" \r\n")).toBeUndefined();
    expect(greetingLine(42)).toBeUndefined();
  });

  it("is linear in a long text", () => {
    const long = "a ".repeat(500_000);
    const started = performance.now();
    greetingLine(long);
    expect(performance.now() - started).toBeLessThan(50);
  });
});

describe("sshGreetingIn", () => {
  it("reads the identification of the ssh2 Client a library keeps under `key`; never throws", () => {
    const client = { _remoteVer: "OpenSSH_9.2p1" };
    expect(sshGreetingIn({ client }, "client")).toBe("SSH-2.0-OpenSSH_9.2p1");
    expect(sshGreetingIn({ _client: client }, "_client")).toBe("SSH-2.0-OpenSSH_9.2p1");
    expect(sshGreetingIn({ _client: client }, "client")).toBeUndefined();
    expect(sshGreetingIn(undefined, "client")).toBeUndefined();
    expect(sshGreetingIn("SSH-2.0-x", "client")).toBeUndefined();
    const hostile = new Proxy(
      {},
      {
        get: () => {
          throw new Error("no");
        },
      },
    );
    expect(sshGreetingIn(hostile, "client")).toBeUndefined();
    expect(sshGreetingIn({ client: hostile }, "client")).toBeUndefined();
  });
});

describe("sshGreetingOf", () => {
  it("reads ssh2's Client's `_remoteVer`; anything else gives nothing, never a throw", () => {
    expect(sshGreetingOf({ _remoteVer: "OpenSSH_9.2p1" })).toBe("SSH-2.0-OpenSSH_9.2p1");
    expect(sshGreetingOf({})).toBeUndefined();
    expect(sshGreetingOf(undefined)).toBeUndefined();
    const hostile = new Proxy(
      {},
      {
        get: () => {
          throw new Error("no");
        },
      },
    );
    expect(sshGreetingOf(hostile)).toBeUndefined();
  });

  it("each client's own line, whatever was read before (the last line is kept for speed)", () => {
    const clients = [
      { _remoteVer: "OpenSSH_9.2p1 Debian-2+deb12u10" },
      { _remoteVer: "OpenSSH_9.2p1 Debian-2+deb12u10" },
      { _remoteVer: "mod_sftp" },
      {},
      { _remoteVer: "mod_sftp\r\nextra" },
      { _remoteVer: "" },
      { _remoteVer: "OpenSSH_9.2p1 Debian-2+deb12u10" },
    ];
    expect(clients.map((client) => sshGreetingOf(client))).toEqual([
      "SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u10",
      "SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u10",
      "SSH-2.0-mod_sftp",
      undefined,
      "SSH-2.0-mod_sftp",
      undefined,
      "SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u10",
    ]);
  });
});

describe("watchGreeting's line", () => {
  it("gives the expected protocol's first line to onGreeting, another protocol's to onWrong", () => {
    const seen: string[] = [];
    const socket = new EventEmitter();
    watchGreeting(socket, "ftp", () => seen.push("wrong"), {
      onGreeting: (line) => seen.push(line),
    });
    socket.emit("data", "220 (vsFTPd 3.0.5)\r\n");
    expect(seen).toEqual(["220 (vsFTPd 3.0.5)"]);
    const other = new EventEmitter();
    watchGreeting(other, "ftp", () => seen.push("wrong"), {
      onGreeting: (line) => seen.push(line),
    });
    other.emit("data", "SSH-2.0-OpenSSH_9.2p1\r\n");
    expect(seen).toEqual(["220 (vsFTPd 3.0.5)", "wrong"]);
  });
});

describe("a product's own reading", () => {
  it("comes first when the greeting names the product, else the product-free one", () => {
    expect(decide(rmdir("SSH-2.0-OpenSSH_9.2p1")).reason).toBe("directory-not-empty");
    expect(decide(rmdir("SSH-2.0-OpenSSH_9.2p1")).product).toBe("OpenSSH sftp-server");
    expect(decide(rmdir()).reason).toBe("server-error");
    expect(decide(rmdir("SSH-2.0-mod_sftp")).reason).toBe("server-error");
    // Only the commands it was read for: another request falls through to the product-free one.
    expect(
      decide({ ...rmdir("SSH-2.0-OpenSSH_9.2p1"), traits: { commands: ["MKDIR"] } }).reason,
    ).toBe("server-error");
  });

  it("a pattern that does not compile, a greeting of another protocol or type: no product", () => {
    expect(productOfGreeting(catalog, "ftp", "SSH-2.0-OpenSSH_9.2p1")).toBeUndefined();
    expect(productOfGreeting(catalog, "sftp", 42 as never)).toBeUndefined();
    expect(lookUpReply(catalog, "sftp", 4, "Failure", ["RMDIR"], "(")?.reason).toBe("server-error");
  });

  it("reads at most 255 characters of the greeting", () => {
    expect(
      productOfGreeting(catalog, "sftp", `SSH-2.0-OpenSSH_${"9".repeat(100_000)}`)?.product,
    ).toBe("OpenSSH sftp-server");
  });
});

describe("the TransferError", () => {
  it("keeps the greeting redacted, in its JSON only when there is one, and says whose reading it is", () => {
    const error = createTransferError({
      ...rmdir("SSH-2.0-OpenSSH_9.2p1 s3cret-word\r\nmore"),
      secrets: ["s3cret-word"],
    });
    expect(error.serverGreeting).toBe("SSH-2.0-OpenSSH_9.2p1 ***");
    expect(error.toJSON().serverGreeting).toBe("SSH-2.0-OpenSSH_9.2p1 ***");
    expect(JSON.stringify(error)).not.toContain("s3cret-word");
    expect(error.explanation).toContain("As OpenSSH sftp-server sends it");
    const none = createTransferError(rmdir());
    expect(none.serverGreeting).toBeUndefined();
    expect("serverGreeting" in none.toJSON()).toBe(false);
    expect(none.explanation).not.toContain("sends it");
  });

  it("a greeting that is no text is left out", () => {
    const error = createTransferError({
      ...rmdir(),
      serverGreeting: { toString: () => "x" } as never,
    });
    expect(error.serverGreeting).toBeUndefined();
    expect(error.reason).toBe("server-error");
  });
});
