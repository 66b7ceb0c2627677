// pnpm bench (in this package): the retry decisions as figures, not a test. The same seeded
// faults (the fault proxy on vsftpd's control connection) are met by
//   - withRetry of @transfer-errors/basic-ftp with the settings of the fault test,
//   - withRetry with its defaults,
//   - p-retry with its defaults (the usual choice when nothing knows which error is which),
// and then each gives up on a permanent error (SIZE of a missing file: 550).
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
import { type RetryLoop, type RunReport, runOperations } from "../src/retry-run.ts";
import { ftpWorkload } from "../src/workloads.ts";

const SEED = 20_240_601;
const OPERATIONS = 36;
const CLIENT_TIMEOUT_MS = 1_000;
/** The plan of test/ftp-faults.test.ts: every connection meets a fault, logins included. */
const PLAN: FaultPlan = {
  reset: 0.45,
  cut: 0.45,
  drop: 0.1,
  delay: 0.2,
  delayMs: 5,
  maxBytes: { down: 900, up: 200 },
};
/** p-retry 7's documented defaults. */
const P_RETRY = { retries: 10, factor: 2, minTimeout: 1_000 };

interface Session {
  proxy: FaultProxy;
  client: Client;
  login: AccessOptions;
  reconnects: { total: number; failed: number };
}

async function session(server: RunningFtpServer, wrapped: boolean): Promise<Session> {
  const proxy = await startFaultProxy({
    target: { port: server.port },
    seed: SEED,
    plan: PLAN,
    holdMs: 5_000,
  });
  const raw = new Client(CLIENT_TIMEOUT_MS);
  const client = wrapped ? wrapClient(raw, { timeoutMs: 3 * CLIENT_TIMEOUT_MS }) : raw;
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

async function countReconnect(s: Session, work: () => Promise<unknown>): Promise<void> {
  s.reconnects.total += 1;
  try {
    await work();
  } catch (error) {
    s.reconnects.failed += 1;
    throw error;
  }
}

interface Row {
  loop: string;
  report: RunReport;
  session: Session;
}

async function faultRun(
  server: RunningFtpServer,
  loop: string,
  wrapped: boolean,
  makeLoop: (s: Session) => RetryLoop,
): Promise<Row> {
  const s = await session(server, wrapped);
  try {
    const report = await runOperations(ftpWorkload(s.client, ftpFixtures, OPERATIONS), makeLoop(s));
    return { loop, report, session: s };
  } finally {
    s.client.close();
    await s.proxy.stop();
  }
}

function withRetryLoop(s: Session, options: Parameters<typeof withRetry>[1]): RetryLoop {
  return (attempt) =>
    withRetry(attempt, {
      ...options,
      reconnect: () => countReconnect(s, () => reconnect(s.client)),
    });
}

/** p-retry knows no reconnect: the attempt itself logs in again when the client is closed. */
function pRetryLoop(s: Session, minTimeout = P_RETRY.minTimeout): RetryLoop {
  return (attempt) =>
    pRetry(
      async (n) => {
        if (s.client.closed) await countReconnect(s, () => s.client.access(s.login));
        return attempt(n);
      },
      { minTimeout },
    );
}

function seconds(ms: number): string {
  return ms >= 10_000 ? `${(ms / 1000).toFixed(0)} s` : `${(ms / 1000).toFixed(2)} s`;
}

function printFaultRows(rows: Row[]): void {
  console.log(
    "| retry loop | succeeded | attempts | most for one operation | reconnects (failed) | faults struck | time |",
  );
  console.log("| --- | --- | --- | --- | --- | --- | --- |");
  for (const { loop, report, session: s } of rows) {
    const struck = s.proxy.stats.struck;
    console.log(
      `| ${loop} | ${report.succeeded}/${report.operations} | ${report.attempts} | ` +
        `${report.maxAttempts} | ${s.reconnects.total} (${s.reconnects.failed}) | ` +
        `${struck.reset} resets, ${struck.cut} cuts, ${struck.drop} drops | ${seconds(report.elapsedMs)} |`,
    );
  }
  for (const { loop, report } of rows) {
    for (const { name, error } of report.failures) {
      const message = error instanceof Error ? error.message : String(error);
      console.log(`\n${loop}: "${name}" failed: ${message}`);
    }
  }
}

/** Gives up on `size(missing)`: how many attempts, how long. */
async function permanent(
  server: RunningFtpServer,
  loop: (s: Session, count: () => void) => Promise<unknown>,
): Promise<{ attempts: number; ms: number; code: unknown }> {
  const proxy = await startFaultProxy({ target: { port: server.port } });
  const client = wrapClient(new Client(CLIENT_TIMEOUT_MS));
  const login = {
    host: proxy.host,
    port: proxy.port,
    user: server.user,
    password: server.password,
  };
  await client.access(login);
  const s: Session = { proxy, client, login, reconnects: { total: 0, failed: 0 } };
  let attempts = 0;
  const started = performance.now();
  let code: unknown;
  try {
    await loop(s, () => {
      attempts += 1;
    });
  } catch (error) {
    code = (error as { code?: unknown }).code;
  }
  const ms = performance.now() - started;
  client.close();
  await proxy.stop();
  return { attempts, ms, code };
}

async function main(): Promise<void> {
  const support = ftpServerSupport();
  if (!support.ok) {
    console.log(`retry run: skipped (${support.why})`);
    return;
  }
  const server = await startFtpServer("vsftpd");
  try {
    console.log(
      `Retry under injected faults: ${OPERATIONS} idempotent operations (size, list, downloadTo ` +
        "into memory) on vsftpd, the fault proxy on the control connection, seed " +
        `${SEED}: every connection is reset (45 %), cut (45 %) or silently dropped (10 %) ` +
        "within its first 900 bytes down / 200 up (logins included), a fifth also delayed " +
        `5 ms per chunk; client timeout ${CLIENT_TIMEOUT_MS} ms.\n`,
    );
    const rows: Row[] = [];
    rows.push(
      await faultRun(server, "withRetry, test settings (retries 10, 5-50 ms)", true, (s) =>
        withRetryLoop(s, { retries: 10, minDelayMs: 5, maxDelayMs: 50, random: seededRandom(7) }),
      ),
    );
    rows.push(
      await faultRun(server, "withRetry, defaults (retries 3, 500 ms-30 s)", true, (s) =>
        withRetryLoop(s, { random: seededRandom(7) }),
      ),
    );
    rows.push(
      await faultRun(server, "p-retry 7, defaults (retries 10, 1 s x2)", false, (s) =>
        pRetryLoop(s),
      ),
    );
    printFaultRows(rows);

    console.log("\nGiving up on a permanent error: SIZE of a missing file (550)\n");
    const ours = await permanent(server, (s, count) =>
      withRetry(
        () => {
          count();
          return s.client.size(ftpFixtures.missing);
        },
        { reconnect: () => reconnect(s.client) },
      ),
    );
    // p-retry's defaults wait 1 s, 2 s, 4 s ... 512 s: 17 minutes. The attempts are made for
    // real without the waits (minTimeout 0); the waits are what its defaults would add.
    const theirs = await permanent(server, (s, count) =>
      pRetryLoop(
        s,
        0,
      )(() => {
        count();
        return s.client.size(ftpFixtures.missing);
      }),
    );
    let theirWaitMs = 0;
    for (let retry = 0; retry < theirs.attempts - 1; retry++) {
      theirWaitMs += P_RETRY.minTimeout * P_RETRY.factor ** retry;
    }
    console.log("| retry loop | attempts | time to give up | error thrown |");
    console.log("| --- | --- | --- | --- |");
    console.log(
      `| withRetry, defaults | ${ours.attempts} | ${ours.ms.toFixed(1)} ms (measured) | ${String(ours.code)} |`,
    );
    console.log(
      `| p-retry 7, defaults | ${theirs.attempts} | ${seconds(theirWaitMs + theirs.ms)} ` +
        `(${seconds(theirWaitMs)} of waits from its defaults + ${theirs.ms.toFixed(0)} ms of ` +
        `requests, measured without the waits) | ${String(theirs.code)} |`,
    );
  } finally {
    await server.stop();
  }
}

await main();
