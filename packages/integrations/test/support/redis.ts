// A real Redis for the BullMQ run: Debian's redis-server (scripts/install-redis.sh installs it
// when missing, as root), started on a free loopback port without persistence, stopped after.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { connect } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { freePort, LOOPBACK } from "@transfer-errors/testkit/net";

export const REDIS_BINARY = "/usr/bin/redis-server";
const installScript = join(
  dirname(fileURLToPath(import.meta.url)),
  "..",
  "..",
  "scripts",
  "install-redis.sh",
);

/** Why Redis cannot run here (`undefined` when it can); installs it first when it may. */
export function redisUnavailableReason(): string | undefined {
  if (!existsSync(REDIS_BINARY) && existsSync(installScript)) {
    try {
      execFileSync("bash", [installScript], { stdio: "ignore", timeout: 300_000 });
    } catch {
      // reported below
    }
  }
  if (!existsSync(REDIS_BINARY)) {
    return `${REDIS_BINARY} is missing (run packages/integrations/scripts/install-redis.sh as root)`;
  }
  return undefined;
}

export interface RunningRedis {
  host: string;
  port: number;
  stop(): Promise<void>;
}

/** Sends PING until Redis answers PONG. */
async function waitForPong(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const answered = await new Promise<boolean>((resolve) => {
      const socket = connect({ host: LOOPBACK, port });
      let text = "";
      socket.setTimeout(1_000, () => socket.destroy());
      socket.on("connect", () => socket.write("PING\r\n"));
      socket.on("data", (chunk) => {
        text += chunk.toString("latin1");
        if (text.includes("PONG")) {
          socket.end();
          resolve(true);
        }
      });
      socket.on("error", () => resolve(false));
      socket.on("close", () => resolve(text.includes("PONG")));
    });
    if (answered) return;
    if (Date.now() > deadline) throw new Error(`redis-server on port ${port} did not answer`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Starts redis-server on a free port of 127.0.0.1, with no RDB snapshots and no AOF. */
export async function startRedis(): Promise<RunningRedis> {
  let lastError: unknown;
  // A free port can be taken between finding it and Redis binding it: try a few.
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const child: ChildProcess = spawn(
      REDIS_BINARY,
      [
        "--port",
        String(port),
        "--bind",
        LOOPBACK,
        "--save",
        "",
        "--appendonly",
        "no",
        "--protected-mode",
        "yes",
        "--loglevel",
        "warning",
      ],
      { stdio: "ignore" },
    );
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    const stop = async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
      await exited;
      clearTimeout(timer);
    };
    try {
      await Promise.race([
        waitForPong(port, 15_000),
        exited.then(() => {
          throw new Error("redis-server exited at start");
        }),
      ]);
      return { host: LOOPBACK, port, stop };
    } catch (error) {
      lastError = error;
      await stop();
    }
  }
  throw lastError;
}
