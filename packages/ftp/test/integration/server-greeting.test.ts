// The server's greeting in the facts, through node-ftp and promise-ftp: the wrapper keeps the
// first line of the 220 greeting, and every failure carries it (and its JSON), without the login.
import { ftpFixtures as F, FTP_TEST_PASSWORD } from "@transfer-errors/testkit/ftp";
import { describe, expect, it } from "vitest";
import { clients } from "../support/clients.js";
import { expectTransferError, rejectionOf } from "../support/expect-error.js";
import { describeWithServers, useFtpServer } from "../support/servers.js";

describeWithServers("the server's greeting", () => {
  const handle = useFtpServer("proftpd");
  for (const name of ["node-ftp", "promise-ftp"] as const) {
    describe(name, () => {
      it("a missing file's 550 carries ProFTPD's greeting line", async () => {
        const c = clients[name]();
        try {
          await c.connect(handle.options());
          const error = expectTransferError(await rejectionOf(c.size(F.missing)), {
            reason: "not-found",
            code: 550,
            retryable: false,
            reconnect: false,
            operation: "size",
            path: F.missing,
          });
          expect(error.serverGreeting).toMatch(/^220 ProFTPD/);
          const json = JSON.stringify(error.toJSON());
          expect(json).toContain(error.serverGreeting);
          expect(json).not.toContain(FTP_TEST_PASSWORD);
        } finally {
          c.destroy();
        }
      });
    });
  }
});
