// The server's greeting in the facts: the wrapper keeps the first line of the 220 greeting and
// every failure carries it. vsftpd's "500 Illegal EPRT command." is its refusal of a data
// connection to an address other than the client's (postlogin.c handle_eprt); most servers' 500
// means a command they do not understand.
import { ftpFixtures as F, FTP_TEST_PASSWORD } from "@transfer-errors/testkit/ftp";
import { Client } from "basic-ftp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toTransferError, wrapClient } from "../../src/index.js";
import { rejectionOf } from "../support/expect-error.js";
import { describeWithServers, useFtpServer } from "../support/servers.js";

describeWithServers("the server's greeting", () => {
  describe("vsftpd", () => {
    // The test kit names its vsftpd in the banner; an empty one is vsftpd's default greeting.
    const handle = useFtpServer("vsftpd", { extraConfig: ["ftpd_banner="] });
    let client: Client;
    beforeAll(async () => {
      client = wrapClient(new Client(5_000));
      await client.access(handle.options());
    });
    afterAll(() => client.close());

    it("an EPRT it cannot use is data-connection-failed, as vsftpd means its 500", async () => {
      const error = toTransferError(await rejectionOf(client.send("EPRT |1|192.0.2.10|2000|")));
      expect(error).toMatchObject({ code: 500, reason: "data-connection-failed" });
      expect(error.serverMessage).toBe("Illegal EPRT command.");
      expect(error.serverGreeting).toMatch(/^220 \(vsFTPd \d+\.\d+\.\d+\)$/);
      expect(error.toJSON().serverGreeting).toBe(error.serverGreeting);
      // Without the greeting the same reply is read as most servers mean a 500.
      const productFree = toTransferError(error.originalError, { operation: "send" });
      expect(productFree.reason).toBe("bad-request");
    });
  });

  describe("ProFTPD", () => {
    const handle = useFtpServer("proftpd");

    it("a failed login carries the greeting, and nothing of the password", async () => {
      const client = wrapClient(new Client(5_000));
      const error = toTransferError(
        await rejectionOf(client.access(handle.options({ password: "not-the-password" }))),
      );
      expect(error).toMatchObject({ code: 530, reason: "auth-failed" });
      expect(error.serverGreeting).toMatch(/^220 ProFTPD/);
      const json = JSON.stringify(error.toJSON());
      expect(json).toContain(error.serverGreeting);
      expect(json).not.toContain("not-the-password");
      expect(json).not.toContain(FTP_TEST_PASSWORD);
      client.close();
    });

    it("a missing file's 550 carries it too", async () => {
      const client = wrapClient(new Client(5_000));
      await client.access(handle.options());
      const error = toTransferError(await rejectionOf(client.size(F.missing)));
      expect(error.reason).toBe("not-found");
      expect(error.serverGreeting).toMatch(/^220 ProFTPD/);
      client.close();
    });
  });
});
