// What real servers do rarely or not on demand, played by a scripted server on 127.0.0.1 against
// the real basic-ftp client: replies in pieces, data connections that stall or never connect,
// replies basic-ftp cannot parse, and operations that never settle without wrapClient's deadline.
import { Readable, Writable } from "node:stream";
import {
  closedPort,
  type StalledListener,
  startStalledListener,
} from "@transfer-errors/testkit/net";
import { Client } from "basic-ftp";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { wrapClient } from "../../src/index.js";
import { expectTransferError, rejectionOf } from "../support/expect-error.js";
import {
  type Handler,
  type ScriptedFtp,
  type Session,
  startScriptedFtp,
} from "../support/scripted-ftp.js";

const USER = { user: "someone", password: "Scripted-Passw0rd" };

let server: ScriptedFtp | undefined;
const clients: Client[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  await server?.close();
  server = undefined;
});

async function serve(handler: Handler, greeting?: string | null): Promise<ScriptedFtp> {
  server = await startScriptedFtp(handler, greeting);
  return server;
}

function client(timeout: number, options = {}): Client {
  const c = new Client(timeout);
  clients.push(c);
  return wrapClient(c, options);
}

function access(c: Client, port: number, extra = {}) {
  return c.access({ host: "127.0.0.1", port, ...USER, ...extra });
}

async function sendListing(session: Session, listing: string): Promise<void> {
  session.reply("150 Here comes the listing");
  const data = await session.data();
  data.end(listing);
  session.reply("226 Done");
}

const LISTING = "-rw-r--r-- 1 owner group 5 Jan 01 12:00 a.txt\r\n";

const sink = () =>
  new Writable({
    write(_chunk, _encoding, done) {
      done();
    },
  });

/** A source that produces a little data now and then, like a slow producer (a pipe, a socket). */
function trickle(): Readable {
  return new Readable({
    read() {
      setTimeout(() => this.push(Buffer.alloc(16, 1)), 50);
    },
  });
}

const pending = (promise: Promise<unknown>) => {
  const state = { settled: false };
  promise.then(
    () => (state.settled = true),
    () => (state.settled = true),
  );
  return state;
};

describe("replies", () => {
  it("a multi-line refusal arriving in two pieces: one serverMessage, lines joined", async () => {
    const { port } = await serve((command, _argument, session) => {
      if (command !== "DELE") return false;
      session.write("550-Permission denied:\r\n");
      setTimeout(() => session.write(" this directory is write-protected\r\n550 End\r\n"), 50);
      return true;
    });
    const c = client(2_000);
    await access(c, port);
    const e = expectTransferError(
      await rejectionOf(c.remove("a.txt")),
      {
        reason: "permission-denied",
        code: 550,
        retryable: false,
        reconnect: false,
        operation: "remove",
        path: "a.txt",
      },
      USER.password,
    );
    expect(e.serverMessage).toBe("Permission denied:\n this directory is write-protected\nEnd");
  });

  it("421 in answer to a command, then FIN: reconnect", async () => {
    const { port } = await serve((command, _argument, session) => {
      if (command !== "SIZE") return false;
      session.reply("421 Service shutting down, closing control connection.");
      session.end();
      return true;
    });
    const c = client(2_000);
    await access(c, port);
    expectTransferError(
      await rejectionOf(c.size("a.txt")),
      {
        reason: "service-unavailable",
        code: 421,
        retryable: true,
        reconnect: true,
        operation: "size",
        path: "a.txt",
      },
      USER.password,
    );
  });

  it("a PWD reply without quotes: protocol-error, client still open", async () => {
    const { port } = await serve((command, _argument, session) => {
      if (command !== "PWD") return false;
      session.reply("257 no quotes here");
      return true;
    });
    const c = client(2_000);
    await access(c, port);
    expectTransferError(
      await rejectionOf(c.pwd()),
      {
        path: undefined,
        reason: "protocol-error",
        code: undefined,
        retryable: false,
        reconnect: false,
        operation: "pwd",
      },
      USER.password,
    );
    expect(c.closed).toBe(false);
  });

  it("a listing in an unknown format: protocol-error", async () => {
    const { port } = await serve((command, _argument, session) => {
      if (command !== "LIST") return false;
      void sendListing(session, "!!! this is no listing format at all\r\n");
      return true;
    });
    const c = client(2_000);
    await access(c, port);
    expectTransferError(
      await rejectionOf(c.list()),
      {
        code: undefined,
        path: undefined,
        reason: "protocol-error",
        retryable: false,
        reconnect: false,
        operation: "list",
      },
      USER.password,
    );
  });

  it("a 3xx during a download (the server wants an answer): protocol-error, reconnect", async () => {
    const { port } = await serve((command, _argument, session) => {
      if (command !== "RETR") return false;
      session.reply("332 Need account for storing files.");
      return true;
    });
    const c = client(2_000);
    await access(c, port);
    expectTransferError(
      await rejectionOf(c.downloadTo(sink(), "a.txt")),
      {
        code: 332,
        reason: "protocol-error",
        retryable: false,
        reconnect: true,
        operation: "downloadTo",
        path: "a.txt",
      },
      USER.password,
    );
  });
});

describe("data connections", () => {
  let stalled: StalledListener;
  beforeAll(async () => {
    stalled = await startStalledListener();
  });
  afterAll(() => stalled.close());

  it("the server stops sending mid-download: 'Timeout (data socket)', reconnect", async () => {
    const { port } = await serve((command, _argument, session) => {
      if (command !== "RETR") return false;
      session.reply("150 Opening data connection");
      void session.data().then((data) => data.write(Buffer.alloc(1000, 1)));
      return true;
    });
    const c = client(500);
    await access(c, port);
    const e = expectTransferError(
      await rejectionOf(c.downloadTo(sink(), "a.txt")),
      {
        reason: "timeout",
        code: undefined,
        retryable: true,
        reconnect: true,
        operation: "downloadTo",
        path: "a.txt",
      },
      USER.password,
    );
    expect((e.cause as Error).message).toBe("Timeout (data socket)");
  });

  it("the passive port never connects (first transfer): data-connection-failed, client open", async () => {
    const { port } = await serve((command, _argument, session) => {
      if (command === "EPSV") session.reply("500 EPSV not understood");
      else if (command === "PASV")
        session.reply(
          `227 Entering Passive Mode (127,0,0,1,${stalled.port >> 8},${stalled.port & 255})`,
        );
      else return false;
      return true;
    });
    const c = client(500);
    await access(c, port);
    const e = expectTransferError(
      await rejectionOf(c.list()),
      {
        code: undefined,
        path: undefined,
        reason: "data-connection-failed",
        retryable: true,
        reconnect: false,
        operation: "list",
      },
      USER.password,
    );
    expect((e.cause as Error).message).toMatch(
      /^None of the available transfer strategies work\. Last error response was 'Error: Timeout when trying to open data connection to 127\.0\.0\.1:\d+'\.$/,
    );
  });

  it("later transfers: 'Timeout when trying to open data connection' and 'Can't open data connection in passive mode'", async () => {
    const refused = await closedPort();
    let epsv = 0;
    const { port } = await serve((command, _argument, session) => {
      if (command === "EPSV") {
        epsv += 1;
        if (epsv === 1) return false; // a real passive listener for the first listing
        session.reply(
          `229 Entering Extended Passive Mode (|||${epsv === 2 ? stalled.port : refused}|)`,
        );
        return true;
      }
      if (command !== "LIST") return false;
      void sendListing(session, LISTING);
      return true;
    });
    const c = client(500);
    await access(c, port);
    expect((await c.list()).map((f) => f.name)).toEqual(["a.txt"]);
    const timedOut = expectTransferError(
      await rejectionOf(c.list()),
      {
        path: undefined,
        reason: "data-connection-failed",
        code: undefined,
        retryable: true,
        reconnect: false,
        operation: "list",
      },
      USER.password,
    );
    expect((timedOut.cause as Error).message).toMatch(
      /^Timeout when trying to open data connection/,
    );
    const refusedError = expectTransferError(
      await rejectionOf(c.list()),
      {
        path: undefined,
        reason: "data-connection-failed",
        code: "ECONNREFUSED",
        retryable: true,
        reconnect: false,
        operation: "list",
      },
      USER.password,
    );
    expect((refusedError.cause as Error).message).toMatch(
      /^Can't open data connection in passive mode: /,
    );
    expect(c.closed).toBe(false);
  });

  it("a listing larger than maxListingBytes: protocol-error, reconnect", async () => {
    const { port } = await serve((command, _argument, session) => {
      if (command !== "LIST") return false;
      void sendListing(session, LISTING.repeat(100));
      return true;
    });
    const raw = new Client(2_000, { maxListingBytes: 1_000 });
    clients.push(raw);
    const c = wrapClient(raw);
    await access(c, port);
    expectTransferError(
      await rejectionOf(c.list()),
      {
        code: undefined,
        path: undefined,
        reason: "protocol-error",
        retryable: false,
        reconnect: true,
        operation: "list",
      },
      USER.password,
    );
  });
});

describe("operations that never settle without a deadline", () => {
  it("the TLS handshake after AUTH TLS: timeout, reconnect, closed", async () => {
    const { port } = await serve((command, _argument, session) => {
      if (command !== "AUTH") return false;
      session.reply("234 Proceed with negotiation."); // and then nothing
      return true;
    });
    const raw = new Client(300);
    clients.push(raw);
    const rawAccess = pending(access(raw, port, { secure: true }));
    const c = client(300, { timeoutMs: 400 });
    expectTransferError(
      await rejectionOf(access(c, port, { secure: true })),
      {
        code: undefined,
        path: undefined,
        reason: "timeout",
        retryable: true,
        reconnect: true,
        operation: "access",
        tls: true,
      },
      USER.password,
    );
    expect(c.closed).toBe(true);
    // basic-ftp's own timeout (300 ms) does not cover the handshake: the raw call still waits.
    expect(rawAccess.settled).toBe(false);
  });

  it("an upload whose data connection was dropped before 150: timeout, reconnect", async () => {
    const handler: Handler = (command, _argument, session) => {
      if (command !== "STOR") return false;
      void session.data().then((data) => {
        data.destroy();
        // ... then 150 once the client saw the close, and no final reply.
        setTimeout(() => session.reply("150 Ok to send data."), 100);
      });
      return true;
    };
    const { port } = await serve(handler);
    const raw = new Client(300);
    clients.push(raw);
    await access(raw, port);
    const rawSource = trickle();
    const rawUpload = pending(raw.uploadFrom(rawSource, "up.txt"));
    const c = client(300, { timeoutMs: 600 });
    await access(c, port);
    const source = trickle();
    expectTransferError(
      await rejectionOf(c.uploadFrom(source, "up.txt")),
      {
        code: undefined,
        reason: "timeout",
        retryable: true,
        reconnect: true,
        operation: "uploadFrom",
        path: "up.txt",
      },
      USER.password,
    );
    expect(rawUpload.settled).toBe(false);
    rawSource.destroy();
    source.destroy();
    // The next call on the closed client names the deadline as the reason.
    const next = expectTransferError(
      await rejectionOf(c.pwd()),
      {
        code: undefined,
        path: undefined,
        reason: "timeout",
        retryable: true,
        reconnect: true,
        operation: "pwd",
      },
      USER.password,
    );
    expect((next.cause as Error).message).toMatch(/^Client is closed because Deadline exceeded/);
  });
});
