// pnpm bench: prints what the adapter costs. Not a test: figures, and the targets next to them.
//  1. toTransferError against `new Error()` (the floor of any error), same run, interleaved.
//  2. a wrapped Client against a raw one over a few hundred commands on loopback, interleaved.
// `pnpm bench to-transfer-error` runs the first part only.
// Targets: ratio <= 2 for (1), <= 1.02 for (2). A machine busy with other work makes the
// figures noisy: compare the medians, and run it twice.
import { performance } from "node:perf_hooks";
import {
  ftpFixtures as F,
  ftpServerSupport,
  type RunningFtpServer,
  startFtpServer,
} from "@transfer-errors/testkit/ftp";
import { Client, FTPError } from "basic-ftp";
import { isRetryable, toTransferError, wrapClient } from "../src/index.js";
import { startScriptedFtp } from "../test/support/scripted-ftp.js";

const ROUNDS = 15;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

let sinkCount = 0; // keeps the results alive, so that nothing is optimized away
function time(iterations: number, make: (i: number) => unknown): number {
  const start = performance.now();
  for (let i = 0; i < iterations; i++) if (make(i)) sinkCount++;
  return (performance.now() - start) / iterations;
}

function errorCost(): void {
  const samples: [string, unknown][] = [
    ["FTPError 550", new FTPError({ code: 550, message: "550 a.txt: No such file or directory" })],
    [
      "socket error",
      Object.assign(new Error("read ECONNRESET (data socket)"), {
        code: "ECONNRESET",
        syscall: "read",
      }),
    ],
    [
      "closed client",
      Object.assign(new Error("Client is closed because Timeout (control socket)"), { code: "0" }),
    ],
  ];
  const iterations = 5_000;
  console.log(
    `toTransferError vs new Error(): ${ROUNDS} interleaved rounds of ${iterations} calls`,
  );
  for (const [name, sample] of samples) {
    const context = { operation: "downloadTo", path: "a.txt" };
    const message = (sample as Error).message;
    // warm-up
    time(iterations, () => new Error(message));
    time(iterations, () => toTransferError(sample, context));
    const base: number[] = [];
    const ours: number[] = [];
    const decided: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      base.push(time(iterations, () => new Error(message)));
      ours.push(time(iterations, () => toTransferError(sample, context)));
      decided.push(time(iterations, () => isRetryable(sample)));
    }
    const b = median(base) * 1e3;
    const o = median(ours) * 1e3;
    const r = median(decided) * 1e3;
    console.log(
      `  ${name.padEnd(14)} new Error ${b.toFixed(2)} µs, toTransferError ${o.toFixed(2)} µs, ratio ${(o / b).toFixed(2)} (target <= 2); isRetryable ${r.toFixed(2)} µs, ratio ${(r / b).toFixed(2)}`,
    );
  }
}

interface Target {
  name: string;
  port: number;
  user: string;
  password: string;
  stop(): Promise<void>;
}

async function target(): Promise<Target> {
  const support = ftpServerSupport();
  if (support.ok) {
    const server: RunningFtpServer = await startFtpServer("vsftpd");
    return { name: "vsftpd on 127.0.0.1", ...server, stop: () => server.stop() };
  }
  console.log(`  (no real server: ${support.why}; using the scripted server)`);
  const scripted = await startScriptedFtp((command, _argument, session) => {
    if (command !== "SIZE") return false;
    session.reply(_argument === F.file ? `213 ${F.fileText.length}` : "550 No such file");
    return true;
  });
  return {
    name: "scripted server on 127.0.0.1",
    port: scripted.port,
    user: "bench",
    password: "bench-password",
    stop: () => scripted.close(),
  };
}

type Mix = "successes" | "with refusals";

/** Command `i` of a mix: PWD and SIZE of a file; with refusals, every third is a missing file. */
async function command(client: Client, i: number, mix: Mix): Promise<number> {
  const start = performance.now();
  const step = i % 3;
  if (step === 0) await client.pwd();
  else if (step === 1 || mix === "successes") await client.size(F.file);
  else await client.size(F.missing).catch(() => sinkCount++);
  return performance.now() - start;
}

/** Prints the ratio; returns the raw client's time per command in µs. */
async function compare(raw: Client, wrapped: Client, mix: Mix, count: number): Promise<number> {
  for (let i = 0; i < 60; i++) {
    await command(raw, i, mix);
    await command(wrapped, i, mix);
  }
  let rawTotal = 0;
  let wrappedTotal = 0;
  const ratios: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    let rawRound = 0;
    let wrappedRound = 0;
    for (let i = 0; i < count; i++) {
      // Alternate who goes first, so that drift of the machine hits both alike.
      if ((i + round) % 2 === 0) {
        rawRound += await command(raw, i, mix);
        wrappedRound += await command(wrapped, i, mix);
      } else {
        wrappedRound += await command(wrapped, i, mix);
        rawRound += await command(raw, i, mix);
      }
    }
    rawTotal += rawRound;
    wrappedTotal += wrappedRound;
    ratios.push(wrappedRound / rawRound);
  }
  const perCommand = (total: number) => ((total / (ROUNDS * count)) * 1e3).toFixed(1);
  console.log(
    `  ${mix.padEnd(13)} raw ${perCommand(rawTotal)} µs/command, wrapped ${perCommand(wrappedTotal)} µs/command, ratio ${(wrappedTotal / rawTotal).toFixed(3)} (median of rounds ${median(ratios).toFixed(3)}; target <= 1.02)`,
  );
  return (rawTotal / (ROUNDS * count)) * 1e3;
}

/** toTransferError between round trips, where caches are cold: what a real failure costs. */
async function coldCost(raw: Client): Promise<void> {
  const ours: number[] = [];
  const base: number[] = [];
  for (let i = 0; i < 300; i++) {
    let error: unknown;
    await raw.size(F.missing).catch((e: unknown) => {
      error = e;
    });
    let start = performance.now();
    let made: unknown = toTransferError(error, { operation: "size", path: F.missing });
    ours.push(performance.now() - start);
    await raw.pwd();
    start = performance.now();
    made = new Error(String(i));
    base.push(performance.now() - start);
    if (made) sinkCount++;
  }
  const o = median(ours) * 1e3;
  const b = median(base) * 1e3;
  console.log(
    `  between round trips (cold): new Error ${b.toFixed(1)} µs, toTransferError ${o.toFixed(1)} µs, ratio ${(o / b).toFixed(1)}`,
  );
}

/**
 * The wrapper's own CPU cost per call, without the network: a Client whose methods settle at
 * once. Unlike round trips on a shared machine, this figure is stable.
 */
async function wrapperCost(mix: Mix): Promise<number> {
  const stub = new Client();
  Object.assign(stub, {
    pwd: async () => "/",
    size: async (path: string) => {
      if (path === F.missing) throw new FTPError({ code: 550, message: "550 No such file" });
      return 5;
    },
  });
  const wrapped = wrapClient(stub, { timeoutMs: 30_000 });
  const calls = 3_000;
  const run = async (client: Client) => {
    let total = 0;
    for (let i = 0; i < calls; i++) total += await command(client, i, mix);
    return total / calls;
  };
  await run(stub);
  await run(wrapped);
  const raw: number[] = [];
  const ours: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    raw.push(await run(stub));
    ours.push(await run(wrapped));
  }
  return (median(ours) - median(raw)) * 1e3;
}

async function clientCost(): Promise<void> {
  const server = await target();
  const options = {
    host: "127.0.0.1",
    port: server.port,
    user: server.user,
    password: server.password,
  };
  const raw = new Client(10_000);
  const wrapped = wrapClient(new Client(10_000), { timeoutMs: 30_000 });
  await raw.access(options);
  await wrapped.access(options);
  const count = 300;
  console.log(
    `wrapped vs raw Client: ${server.name}, ${ROUNDS} rounds of ${count} commands, interleaved command by command`,
  );
  const roundTrips: Record<Mix, number> = {
    successes: await compare(raw, wrapped, "successes", count),
    "with refusals": await compare(raw, wrapped, "with refusals", count),
  };
  for (const mix of ["successes", "with refusals"] as const) {
    const extra = await wrapperCost(mix);
    const trip = roundTrips[mix];
    console.log(
      `  ${mix.padEnd(13)} the wrapper's own cost, no network: +${extra.toFixed(2)} µs/command, that is a ratio of ${((trip + extra) / trip).toFixed(3)} on a ${trip.toFixed(0)} µs round trip`,
    );
  }
  await coldCost(raw);
  raw.close();
  wrapped.close();
  await server.stop();
}

errorCost();
if (process.argv[2] !== "to-transfer-error") await clientCost();
