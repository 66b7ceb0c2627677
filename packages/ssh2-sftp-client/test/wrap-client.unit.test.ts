// wrapClient on a fabricated client: the deadline, diagnose, the upload check and the secrets,
// each in isolation (the integration tests run them against OpenSSH).
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { isTransferError, needsReconnect, type TransferError, wrapClient } from "../src/index.js";

function libError(message: string, props: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(message), props);
}

async function failureOf(work: Promise<unknown>): Promise<TransferError> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isTransferError(error)) throw new Error(`expected a TransferError, got ${String(error)}`);
  return error;
}

interface Statvfs {
  f_bavail: number;
  f_frsize: number;
  f_favail: number;
}

/** Just enough of ssh2-sftp-client for the wrapper; each test sets the behaviour it needs. */
class FakeClient {
  sftp:
    | { ext_openssh_statvfs?: (path: string, cb: (err: unknown, stats?: Statvfs) => void) => void }
    | undefined;
  entries = new Map<string, false | "d" | "-">();
  listing: unknown[] = [];
  remoteSize = 0;
  statvfs: Statvfs | undefined;
  connectError: Error | undefined;
  failWith: Error | undefined;

  async connect(_config: unknown) {
    if (this.connectError) throw this.connectError;
    this.sftp = {
      ext_openssh_statvfs: (_path, cb) =>
        this.statvfs ? cb(undefined, this.statvfs) : cb(new Error("unsupported")),
    };
    return this.sftp;
  }
  async end() {
    return true;
  }
  list(_path: string): Promise<unknown[]> {
    return new Promise(() => undefined); // a silent peer: never settles
  }
  async exists(path: string) {
    return this.entries.get(path) ?? false;
  }
  async stat(_path: string) {
    return { size: this.remoteSize };
  }
  async rmdir(_path: string): Promise<string> {
    throw this.failWith;
  }
  async mkdir(_path: string): Promise<string> {
    throw this.failWith;
  }
  async rename(_from: string, _to: string): Promise<string> {
    throw this.failWith;
  }
  async put(_source: unknown, _path: string) {
    return "Uploaded";
  }
  createReadStream(_path: string): Readable {
    throw libError("createReadStream: createReadStream: No SFTP connection available", {
      code: "ERR_NOT_CONNECTED",
    });
  }
  async somethingNew(path: string) {
    throw libError(`somethingNew: No such file ${path}`, { code: 2, custom: true });
  }
  ownField = "kept";
}

describe("wrapClient (fabricated client)", () => {
  it("timeoutMs: a call that never settles rejects with timeout; the client is refused until connect()", async () => {
    const fake = new FakeClient();
    const client = wrapClient(fake, { timeoutMs: 30 });
    await client.connect({});
    const error = await failureOf(client.list("/d"));
    expect([
      error.reason,
      error.retryable,
      error.retry.reconnect,
      error.operation,
      error.path,
    ]).toEqual(["timeout", true, true, "list", "/d"]);
    expect(needsReconnect(client)).toBe(true);
    const refused = await failureOf(client.stat("/d"));
    expect([refused.reason, refused.retry.reconnect]).toEqual(["connection-lost", true]);
    await client.connect({});
    expect(needsReconnect(client)).toBe(false);
    await expect(client.stat("/d")).resolves.toEqual({ size: 0 });
  });

  it("keeps fields, and converts synchronous throws and methods it does not know", async () => {
    const client = wrapClient(new FakeClient());
    expect(client.ownField).toBe("kept");
    let thrown: unknown;
    try {
      client.createReadStream("/f");
    } catch (error) {
      thrown = error;
    }
    expect(isTransferError(thrown) && [thrown.operation, thrown.path, thrown.reason]).toEqual([
      "createReadStream",
      "/f",
      "client-misuse",
    ]);
    const error = await failureOf(client.somethingNew("/x"));
    expect([error.reason, error.operation, error.code]).toEqual(["not-found", "somethingNew", 2]);
  });

  it("diagnose: rmdir's SSH_FX_FAILURE on a directory with entries is directory-not-empty", async () => {
    const fake = new FakeClient();
    fake.failWith = libError("rmdir: Failure /d", { code: 4, custom: true });
    fake.entries.set("/d", "d");
    fake.listing = [{ name: "x" }];
    fake.list = async () => fake.listing;
    const client = wrapClient(fake, { diagnose: true });
    await client.connect({});
    const error = await failureOf(client.rmdir("/d"));
    expect([error.reason, error.code, error.serverMessage]).toEqual([
      "directory-not-empty",
      4,
      "Failure",
    ]);
    expect(error.explanation).toMatch(/follow-up check/);
    // An empty directory: the look finds nothing more; the reply's own reading stays (most
    // servers send a bare "Failure" to RMDIR for a directory with entries).
    fake.listing = [];
    const empty = await failureOf(client.rmdir("/d"));
    expect(empty.explanation).not.toMatch(/follow-up check/);
    expect([empty.reason, empty.code]).toEqual(["directory-not-empty", 4]);
  });

  it("diagnose: mkdir's reworded failure on a full disk is no-space; a failing look changes nothing", async () => {
    const fake = new FakeClient();
    fake.failWith = libError("mkdir: _doMkdir: Bad path: /p/new permission denied", {
      code: "ERR_BAD_PATH",
    });
    fake.entries.set("/p", "d");
    fake.statvfs = { f_bavail: 0, f_frsize: 4096, f_favail: 100 };
    const client = wrapClient(fake, { diagnose: true });
    await client.connect({});
    const full = await failureOf(client.mkdir("/p/new"));
    expect([full.reason, full.code]).toEqual(["no-space", "ERR_BAD_PATH"]);
    fake.exists = async () => {
      throw libError("_xstat: Permission denied /p", { code: 3, custom: true });
    };
    expect((await failureOf(client.mkdir("/p/new"))).reason).toBe("server-error");
  });

  // A bare "Failure" to RENAME says nothing by itself (no greeting here, no product's reading):
  // only the look tells that the target exists.
  it("diagnose is opt-in", async () => {
    const fake = new FakeClient();
    fake.failWith = libError("_rename: Failure From: /a To: /b", { code: 4, custom: true });
    fake.entries.set("/a", "-");
    fake.entries.set("/b", "-");
    const plain = wrapClient(fake);
    await plain.connect({});
    expect((await failureOf(plain.rename("/a", "/b"))).reason).toBe("server-error");
    const looking = wrapClient(fake, { diagnose: true });
    await looking.connect({});
    const found = await failureOf(looking.rename("/a", "/b"));
    expect([found.reason, found.code]).toEqual(["already-exists", 4]);
    expect(found.explanation).toMatch(/follow-up check/);
  });

  it("verifyUploads: a short remote file is no-space when the disk is full, server-error otherwise", async () => {
    const fake = new FakeClient();
    const client = wrapClient(fake, { verifyUploads: true });
    await client.connect({});
    fake.remoteSize = 4;
    fake.statvfs = { f_bavail: 0, f_frsize: 4096, f_favail: 10 };
    const full = await failureOf(client.put(Buffer.alloc(10), "/up/f"));
    expect([full.reason, full.operation, full.path, full.code]).toEqual([
      "no-space",
      "put",
      "/up/f",
      undefined,
    ]);
    fake.statvfs = { f_bavail: 1000, f_frsize: 4096, f_favail: 10 };
    expect((await failureOf(client.put(Buffer.alloc(10), "/up/f"))).reason).toBe("server-error");
    fake.remoteSize = 10;
    await expect(client.put(Buffer.alloc(10), "/up/f")).resolves.toBe("Uploaded");
    // A stream's length is unknown in advance: no check.
    fake.remoteSize = 0;
    await expect(client.put(Readable.from(["abc"]), "/up/f")).resolves.toBe("Uploaded");
  });

  it("connect()'s password, passphrase and private key never reach the error", async () => {
    const fake = new FakeClient();
    const privateKey = Buffer.from(
      "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAACmFlczI1Ni1jdHIAAAAG\n-----END OPENSSH PRIVATE KEY-----\n",
    );
    fake.connectError = libError(
      "getConnection: user hunter2-Pass said b3BlbnNzaC1rZXktdjEAAAAACmFlczI1Ni1jdHIAAAAG with phrase open-Sesame-9",
    );
    const client = wrapClient(fake);
    const error = await failureOf(
      client.connect({ password: "hunter2-Pass", passphrase: "open-Sesame-9", privateKey }),
    );
    const text = [
      error.message,
      error.explanation,
      JSON.stringify(error.toJSON()),
      String(error),
    ].join("\n");
    for (const secret of [
      "hunter2-Pass",
      "open-Sesame-9",
      "b3BlbnNzaC1rZXktdjEAAAAACmFlczI1Ni1jdHIAAAAG",
    ]) {
      expect(text).not.toContain(secret);
    }
  });
});
