// FTPS against vsftpd and ProFTPD (mod_tls) with TLS required (self-signed certificates made at
// setup), and TLS asked of plain servers.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { makeSelfSignedCert } from "@transfer-errors/testkit/certs";
import { ftpFixtures as F } from "@transfer-errors/testkit/ftp";
import { Client } from "basic-ftp";
import { afterAll, describe, expect, it, vi } from "vitest";
import { wrapClient } from "../../src/index.js";
import { expectTransferError, rejectionOf } from "../support/expect-error.js";
import { describeWithServers, useFtpServer } from "../support/servers.js";

const sink = () =>
  new Writable({
    write(_chunk, _encoding, done) {
      done();
    },
  });

describeWithServers("vsftpd requiring TLS", () => {
  const handle = useFtpServer("vsftpd-tls");

  it("a plain login is refused: tls-required (530 with the server's reason)", async () => {
    const client = wrapClient(new Client(5_000));
    const e = expectTransferError(
      await rejectionOf(client.access(handle.options({ secure: false }))),
      {
        path: undefined,
        reason: "tls-required",
        code: 530,
        retryable: false,
        reconnect: true,
        operation: "access",
        tls: false,
      },
    );
    expect(e.serverMessage).toBe("Non-anonymous sessions must use encryption.");
    expect(client.closed).toBe(true);
  });

  it("a self-signed certificate without `ca`: tls-failed", async () => {
    const client = wrapClient(new Client(5_000));
    const e = expectTransferError(
      await rejectionOf(client.access(handle.options({ secureOptions: {} }))),
      {
        path: undefined,
        reason: "tls-failed",
        code: "DEPTH_ZERO_SELF_SIGNED_CERT",
        retryable: false,
        reconnect: true,
        operation: "access",
        tls: true,
      },
    );
    expect(e.explanation).toContain("certificate");
    expect(client.closed).toBe(true);
  });

  it("a certificate for another name: tls-failed", async () => {
    const client = wrapClient(new Client(5_000));
    const options = handle.options();
    expectTransferError(
      await rejectionOf(
        client.access({
          ...options,
          secureOptions: { ...options.secureOptions, servername: "ftp.example.com" },
        }),
      ),
      {
        path: undefined,
        reason: "tls-failed",
        code: "ERR_TLS_CERT_ALTNAME_INVALID",
        retryable: false,
        reconnect: true,
        operation: "access",
        tls: true,
      },
    );
  });

  it("after a failed handshake basic-ftp reports 'Server closed connection unexpectedly.'", async () => {
    const raw = new Client(5_000);
    await rejectionOf(raw.access(handle.options({ secureOptions: {} })));
    // Only the wrapper closes at once; basic-ftp notices the dead socket a moment later (when
    // the server's close arrives: wait for that, not for a guess of how long it takes).
    const client = wrapClient(raw);
    const context = (raw as unknown as { ftp: { _closingError?: Error } }).ftp;
    await vi.waitFor(() => expect(context._closingError).toBeDefined(), { timeout: 10_000 });
    const e = expectTransferError(await rejectionOf(client.pwd()), {
      code: undefined,
      path: undefined,
      reason: "connection-lost",
      retryable: true,
      reconnect: true,
      operation: "pwd",
    });
    expect((e.cause as Error).message).toBe(
      "Client is closed because Server closed connection unexpectedly.",
    );
  });

  it("a refusal over FTPS keeps code and text, and says tls", async () => {
    const client = wrapClient(new Client(5_000));
    await client.access(handle.options());
    expect(await client.size(F.file)).toBe(F.fileText.length);
    expectTransferError(await rejectionOf(client.downloadTo(sink(), F.missing)), {
      reason: "file-unavailable",
      code: 550,
      retryable: false,
      reconnect: false,
      operation: "downloadTo",
      path: F.missing,
      tls: true,
    });
    client.close();
  });
});

describeWithServers("ProFTPD (mod_tls) requiring TLS", () => {
  // The certificate exists before the server's config names it: made when the suite is defined.
  const dir = mkdtempSync(join(tmpdir(), "te-proftpd-tls-"));
  const cert = makeSelfSignedCert(dir);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const handle = useFtpServer("proftpd", {
    extraConfig: [
      "<IfModule !mod_tls.c>",
      "LoadModule mod_tls.c",
      "</IfModule>",
      "TLSEngine on",
      "TLSRequired on",
      `TLSRSACertificateFile ${cert.certPath}`,
      `TLSRSACertificateKeyFile ${cert.keyPath}`,
      "TLSProtocol TLSv1.2 TLSv1.3",
      "TLSOptions NoSessionReuseRequired",
    ],
  });
  const atLogin = { path: undefined, retryable: false, reconnect: true, operation: "access" };

  it("a plain login: 550 'SSL/TLS required on the control channel', tls-required", async () => {
    const client = wrapClient(new Client(5_000));
    const e = expectTransferError(await rejectionOf(client.access(handle.options())), {
      ...atLogin,
      reason: "tls-required",
      code: 550,
    });
    expect(e.serverMessage).toBe("SSL/TLS required on the control channel");
    expect(client.closed).toBe(true);
  });

  it("its certificate not trusted: tls-failed, the certificate's code", async () => {
    const client = wrapClient(new Client(5_000));
    expectTransferError(await rejectionOf(client.access(handle.options({ secure: true }))), {
      ...atLogin,
      reason: "tls-failed",
      code: "DEPTH_ZERO_SELF_SIGNED_CERT",
      tls: true,
    });
    client.close();
  });

  it("trusted: a refusal over TLS is still the server's reply", async () => {
    const client = wrapClient(new Client(5_000));
    await client.access(handle.options({ secure: true, secureOptions: { ca: cert.certPem } }));
    expect(await client.size(F.file)).toBe(F.fileText.length);
    expectTransferError(await rejectionOf(client.downloadTo(sink(), F.missing)), {
      reason: "not-found",
      code: 550,
      retryable: false,
      reconnect: false,
      operation: "downloadTo",
      path: F.missing,
      tls: true,
    });
    client.close();
  });
});

describeWithServers("TLS asked of a plain server", () => {
  for (const kind of ["proftpd", "vsftpd", "pure-ftpd", "pyftpdlib"] as const) {
    describe(kind, () => {
      const handle = useFtpServer(kind);
      // vsftpd refuses AUTH TLS with 530, ProFTPD, Pure-FTPd (without -Y) and pyftpdlib (without
      // pyOpenSSL) with 500.
      const refusedWith = kind === "vsftpd" ? 530 : 500;

      it("AUTH TLS refused: unsupported, not a login failure", async () => {
        const client = wrapClient(new Client(5_000));
        const e = expectTransferError(
          await rejectionOf(client.access(handle.options({ secure: true }))),
          {
            code: refusedWith,
            path: undefined,
            reason: "unsupported",
            retryable: false,
            reconnect: true,
            operation: "access",
            tls: false,
          },
        );
        expect(typeof e.code).toBe("number");
        expect(e.explanation).toContain("AUTH TLS");
        expect(client.closed).toBe(true);
      });

      it("AUTH TLS refused to useTLS() after connect(): the server offers no explicit FTPS", async () => {
        // What diagnose ftps:// does: connect, then useTLS (AUTH TLS) as its own step.
        const client = wrapClient(new Client(5_000));
        const { host, port } = handle.options();
        await client.connect(host, port);
        const e = expectTransferError(await rejectionOf(client.useTLS()), {
          code: refusedWith,
          path: undefined,
          reason: "unsupported",
          retryable: false,
          reconnect: true,
          operation: "useTLS",
          tls: false,
        });
        expect(e.explanation).toContain("does not offer explicit FTPS on this port");
        expect(e.explanation).not.toMatch(/passive|rename/);
        client.close();
      });

      it("implicit TLS on a plain port: tls-failed (wrong version number)", async () => {
        const client = wrapClient(new Client(5_000));
        const e = expectTransferError(
          await rejectionOf(client.access(handle.options({ secure: "implicit" }))),
          {
            path: undefined,
            reason: "tls-failed",
            code: "ERR_SSL_WRONG_VERSION_NUMBER",
            retryable: false,
            reconnect: true,
            operation: "access",
            tls: true,
          },
        );
        expect(e.message).not.toContain("\n");
      });
    });
  }
});
