// The SFTP half of the retry bench: the seeded faults of test/sftp-faults.test.ts (the proxy in
// front of OpenSSH carries the whole session), then stat of a missing file (SSH_FX_NO_SUCH_FILE).

import { dirname } from "node:path";
import {
  createConnection,
  type SftpClientLike,
  type SftpConnection,
  withRetry,
} from "@transfer-errors/ssh2-sftp-client";
import {
  type FaultPlan,
  type FaultProxy,
  seededRandom,
  startFaultProxy,
} from "@transfer-errors/testkit/fault-proxy";
import { sshdUnavailableReason } from "@transfer-errors/testkit/sshd";
import pRetry from "p-retry";
import { describePlan, sftpFaultRun } from "../src/fault-runs.ts";
import { type RetryLoop, runOperations } from "../src/retry-run.ts";
import { type SftpSetup, startSftpServer } from "../src/sftp-server.ts";
import { sftpWorkload } from "../src/workloads.ts";
import {
  countReconnect,
  type FaultRow,
  P_RETRY,
  type PermanentRow,
  printFaultRows,
  printPermanentRows,
  type Reconnects,
} from "./report.ts";

const TIMEOUT_MS = 1_500;

interface Session {
  proxy: FaultProxy;
  connection: SftpConnection<SftpClientLike>;
  reconnects: Reconnects;
}

async function open(sftp: SftpSetup, plan: FaultPlan | undefined): Promise<Session> {
  const proxy = await startFaultProxy({
    target: { port: sftp.port },
    seed: sftpFaultRun.seed,
    ...(plan ? { plan } : {}),
    holdMs: 5_000,
  });
  const connection = createConnection(
    {
      host: proxy.host,
      port: proxy.port,
      username: sftp.username,
      password: sftp.password,
      readyTimeout: TIMEOUT_MS,
    },
    { timeoutMs: TIMEOUT_MS, endTimeoutMs: 200 },
  );
  // Not measured: the first login, which the plan may cut too.
  await withRetry(() => connection.connect(), { retries: 20, minDelayMs: 1, maxDelayMs: 5 });
  return { proxy, connection, reconnects: { total: 0, failed: 0 } };
}

function withRetryLoop(s: Session, options: Parameters<typeof withRetry>[1]): RetryLoop {
  return (attempt) =>
    withRetry(attempt, {
      ...options,
      reconnect: () => countReconnect(s.reconnects, () => s.connection.connect()),
    });
}

/** p-retry knows no reconnect: after any failure, the next attempt connects a new client first. */
function pRetryLoop(s: Session, minTimeout = P_RETRY.minTimeout): RetryLoop {
  return (attempt) => {
    let failed = false;
    return pRetry(
      async (n) => {
        if (failed) await countReconnect(s.reconnects, () => s.connection.connect());
        return attempt(n);
      },
      {
        minTimeout,
        onFailedAttempt: () => {
          failed = true;
        },
      },
    );
  };
}

async function faultRun(
  sftp: SftpSetup,
  loop: string,
  makeLoop: (s: Session) => RetryLoop,
): Promise<FaultRow> {
  const s = await open(sftp, sftpFaultRun.plan);
  try {
    const files = { ...sftp, dir: dirname(sftp.file) };
    const operations = sftpWorkload(s.connection, files, (sftpFaultRun.operations * 4) / 3).filter(
      (operation) => !operation.name.includes(sftp.bigFile),
    );
    const report = await runOperations(operations, makeLoop(s));
    return { loop, report, struck: { ...s.proxy.stats.struck }, reconnects: s.reconnects };
  } finally {
    await s.connection.end();
    await s.proxy.stop();
  }
}

async function permanent(
  sftp: SftpSetup,
  loop: string,
  makeLoop: (s: Session) => RetryLoop,
): Promise<PermanentRow> {
  const s = await open(sftp, undefined);
  let attempts = 0;
  let code: unknown;
  const started = performance.now();
  try {
    await makeLoop(s)(() => {
      attempts += 1;
      return s.connection.client.stat(sftp.missing);
    });
  } catch (error) {
    code = (error as { code?: unknown }).code;
  }
  const ms = performance.now() - started;
  await s.connection.end();
  await s.proxy.stop();
  return { loop, attempts, ms, code };
}

export async function benchSftp(): Promise<void> {
  const why = sshdUnavailableReason();
  if (why) {
    console.log(`SFTP retry run: skipped (${why})`);
    return;
  }
  const { setup: sftp, stop } = await startSftpServer("te-res-bench");
  try {
    console.log(
      `### SFTP: ${sftpFaultRun.operations} idempotent operations (stat, get, list) on OpenSSH\n\n` +
        `The fault proxy carries the whole SSH session, seed ${sftpFaultRun.seed}: ` +
        `${describePlan(sftpFaultRun.plan)} (the handshake and login take about 2.5 kB); ` +
        `timeouts ${TIMEOUT_MS} ms. p-retry's attempt connects a new client after any failure.\n`,
    );
    const rows = [
      await faultRun(sftp, "withRetry, test settings (retries 10, 5-50 ms)", (s) =>
        withRetryLoop(s, { retries: 10, minDelayMs: 5, maxDelayMs: 50, random: seededRandom(11) }),
      ),
      await faultRun(sftp, "withRetry, defaults (retries 3, 500 ms-30 s)", (s) =>
        withRetryLoop(s, { random: seededRandom(11) }),
      ),
      await faultRun(sftp, "p-retry 7, defaults (retries 10, 1 s x2)", (s) => pRetryLoop(s)),
    ];
    printFaultRows(rows);

    console.log("\nGiving up on a permanent error: stat of a missing file (SSH_FX_NO_SUCH_FILE)\n");
    const ours = await permanent(sftp, "withRetry, defaults", (s) => withRetryLoop(s, {}));
    const theirs = await permanent(sftp, "p-retry 7, defaults", (s) => pRetryLoop(s, 0));
    printPermanentRows(ours, theirs);
  } finally {
    await stop();
  }
}
