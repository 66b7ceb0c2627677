// The FTP half of the retry bench: the seeded faults of test/ftp-faults.test.ts (the proxy on
// vsftpd's control connection), then SIZE of a missing file (550).
import { reconnect, withRetry, wrapClient } from "@transfer-errors/basic-ftp";
import {
  type FaultPlan,
  type FaultProxy,
  seededRandom,
  startFaultProxy,
} from "@transfer-errors/testkit/fault-proxy";
import {
  ftpFixtures,
  ftpServerSupport,
  type RunningFtpServer,
  startFtpServer,
} from "@transfer-errors/testkit/ftp";
import { type AccessOptions, Client } from "basic-ftp";
import pRetry from "p-retry";
import { describePlan, ftpFaultRun } from "../src/fault-runs.ts";
import { type RetryLoop, runOperations } from "../src/retry-run.ts";
import { ftpWorkload } from "../src/workloads.ts";
import {
  countReconnect,
  type FaultRow,
  P_RETRY,
  type PermanentRow,
  printFaultRows,
  printPermanentRows,
  type Reconnects,
} from "./report.ts";

const CLIENT_TIMEOUT_MS = 1_000;

interface Session {
  proxy: FaultProxy;
  client: Client;
  login: AccessOptions;
  reconnects: Reconnects;
}

async function open(server: RunningFtpServer, plan: FaultPlan | undefined): Promise<Session> {
  const proxy = await startFaultProxy({
    target: { port: server.port },
    seed: ftpFaultRun.seed,
    ...(plan ? { plan } : {}),
    holdMs: 5_000,
  });
  const client = wrapClient(new Client(CLIENT_TIMEOUT_MS), { timeoutMs: 3 * CLIENT_TIMEOUT_MS });
  const login = {
    host: proxy.host,
    port: proxy.port,
    user: server.user,
    password: server.password,
  };
  // Not measured: the first login, which the plan may cut too.
  await withRetry(() => client.access(login), { retries: 20, minDelayMs: 1, maxDelayMs: 5 });
  return { proxy, client, login, reconnects: { total: 0, failed: 0 } };
}

function withRetryLoop(s: Session, options: Parameters<typeof withRetry>[1]): RetryLoop {
  return (attempt) =>
    withRetry(attempt, {
      ...options,
      reconnect: () => countReconnect(s.reconnects, () => reconnect(s.client)),
    });
}

/** p-retry knows no reconnect: the attempt itself logs in again when the client is closed. */
function pRetryLoop(s: Session, minTimeout = P_RETRY.minTimeout): RetryLoop {
  return (attempt) =>
    pRetry(
      async (n) => {
        if (s.client.closed) await countReconnect(s.reconnects, () => s.client.access(s.login));
        return attempt(n);
      },
      { minTimeout },
    );
}

async function faultRun(
  server: RunningFtpServer,
  loop: string,
  makeLoop: (s: Session) => RetryLoop,
): Promise<FaultRow> {
  const s = await open(server, ftpFaultRun.plan);
  try {
    const report = await runOperations(
      ftpWorkload(s.client, ftpFixtures, ftpFaultRun.operations),
      makeLoop(s),
    );
    return { loop, report, struck: { ...s.proxy.stats.struck }, reconnects: s.reconnects };
  } finally {
    s.client.close();
    await s.proxy.stop();
  }
}

async function permanent(
  server: RunningFtpServer,
  loop: string,
  makeLoop: (s: Session) => RetryLoop,
): Promise<PermanentRow> {
  const s = await open(server, undefined);
  let attempts = 0;
  let code: unknown;
  const started = performance.now();
  try {
    await makeLoop(s)(() => {
      attempts += 1;
      return s.client.size(ftpFixtures.missing);
    });
  } catch (error) {
    code = (error as { code?: unknown }).code;
  }
  const ms = performance.now() - started;
  s.client.close();
  await s.proxy.stop();
  return { loop, attempts, ms, code };
}

export async function benchFtp(): Promise<void> {
  const support = ftpServerSupport();
  if (!support.ok) {
    console.log(`FTP retry run: skipped (${support.why})`);
    return;
  }
  const server = await startFtpServer("vsftpd");
  try {
    console.log(
      `### FTP: ${ftpFaultRun.operations} idempotent operations (size, list, downloadTo into memory) on ` +
        "vsftpd\n\nThe fault proxy on the control connection, seed " +
        `${ftpFaultRun.seed}: ${describePlan(ftpFaultRun.plan)} (logins included); ` +
        `client timeout ${CLIENT_TIMEOUT_MS} ms. p-retry's attempt logs in ` +
        "again when the client is closed.\n",
    );
    const rows = [
      await faultRun(server, "withRetry, test settings (retries 10, 5-50 ms)", (s) =>
        withRetryLoop(s, { retries: 10, minDelayMs: 5, maxDelayMs: 50, random: seededRandom(7) }),
      ),
      await faultRun(server, "withRetry, defaults (retries 3, 500 ms-30 s)", (s) =>
        withRetryLoop(s, { random: seededRandom(7) }),
      ),
      await faultRun(server, "p-retry 7, defaults (retries 10, 1 s x2)", (s) => pRetryLoop(s)),
    ];
    printFaultRows(rows);

    console.log("\nGiving up on a permanent error: SIZE of a missing file (550)\n");
    const ours = await permanent(server, "withRetry, defaults", (s) => withRetryLoop(s, {}));
    // p-retry's defaults wait 1 s, 2 s, 4 s ... 512 s: 17 minutes. The attempts are made for
    // real without the waits (minTimeout 0); the waits are what its defaults would add.
    const theirs = await permanent(server, "p-retry 7, defaults", (s) => pRetryLoop(s, 0));
    printPermanentRows(ours, theirs);
  } finally {
    await server.stop();
  }
}
