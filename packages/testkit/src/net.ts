// Loopback helpers for failures that need no real server: a port nobody listens on, a listener
// that accepts and never speaks, and a free port for the servers that do speak.
import { spawn } from "node:child_process";
import { connect, createServer, type Server, type Socket } from "node:net";

export const LOOPBACK = "127.0.0.1";

function listen(server: Server, port = 0): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, LOOPBACK, () => {
      server.off("error", reject);
      const address = server.address();
      if (address === null || typeof address === "string") {
        reject(new Error("listener has no TCP address"));
        return;
      }
      resolve(address.port);
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

/** A port on 127.0.0.1 that was free a moment ago (the kernel's choice, so rarely taken again soon). */
export async function freePort(): Promise<number> {
  const server = createServer();
  const port = await listen(server);
  await closeServer(server);
  return port;
}

/**
 * A port where a connection is refused: one the kernel just handed out and that nobody listens
 * on. Port 1 would do on most machines, but a container may forward it.
 */
export async function closedPort(): Promise<number> {
  return freePort();
}

export interface SilentListener {
  port: number;
  /** Connections accepted so far. */
  readonly connections: number;
  /** Resets every open connection (RST) and stops listening. */
  close(): Promise<void>;
}

/**
 * Accepts TCP connections and never sends a byte: a client waiting for a greeting, a reply or a
 * handshake waits until its own timeout (or forever).
 */
export async function startSilentListener(): Promise<SilentListener> {
  const sockets = new Set<Socket>();
  let connections = 0;
  const server = createServer((socket) => {
    connections += 1;
    sockets.add(socket);
    socket.on("error", () => {}); // the client's reset is expected
    socket.on("close", () => sockets.delete(socket));
  });
  const port = await listen(server);
  return {
    port,
    get connections() {
      return connections;
    },
    async close() {
      for (const socket of sockets) socket.resetAndDestroy();
      await closeServer(server);
    },
  };
}

/** Resolves once something accepts TCP connections on `port`, or rejects after `timeoutMs`. */
export async function waitForPort(port: number, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const socket = connect(port, LOOPBACK, () => {
        socket.destroy();
        resolve(true);
      });
      socket.once("error", () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > deadline)
      throw new Error(`nothing listens on ${LOOPBACK}:${port} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export interface StalledListener {
  port: number;
  /** Ends the helper process (and with it the listening socket). */
  close(): Promise<void>;
}

/**
 * A port where a TCP connect never completes: a listener in a stopped helper process whose
 * accept queue is full, so the kernel drops further SYNs. On loopback a connect is otherwise
 * answered at once (accepted or refused); this is how a firewall that drops packets looks.
 */
export async function startStalledListener(): Promise<StalledListener> {
  const script = `const s=require("node:net").createServer();s.listen({port:0,host:"${LOOPBACK}",backlog:1},()=>process.stdout.write(String(s.address().port)+"\\n"));`;
  const child = spawn(process.execPath, ["-e", script], { stdio: ["ignore", "pipe", "ignore"] });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    let text = "";
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => {
      text += chunk;
      if (text.includes("\n")) resolve(Number(text.trim()));
    });
    child.once("exit", () => reject(new Error("the stalled-listener helper exited early")));
  });
  child.kill("SIGSTOP");
  // Fill the accept queue: these connect (the kernel completes them) and are never accepted.
  const fillers: Socket[] = [];
  for (let i = 0; i < 8; i++) {
    const socket = connect(port, LOOPBACK);
    socket.on("error", () => {});
    fillers.push(socket);
  }
  await new Promise((r) => setTimeout(r, 100));
  return {
    port,
    async close() {
      for (const socket of fillers) socket.destroy();
      child.kill("SIGKILL");
      await exited;
    },
  };
}
