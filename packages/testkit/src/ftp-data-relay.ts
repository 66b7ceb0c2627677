// The fault proxy's `data-fin` fault: FTP's passive data connections, relayed through a port of
// the proxy (the server's 227/229 reply is rewritten to name it), and one of them closed with an
// orderly FIN mid-transfer. The receiver sees a clean end of file, as a middlebox or a crashing
// server would give it; the sender's remaining bytes are read and dropped, so it believes all of
// them arrived. FTP's stream mode cannot tell that from the end of the file.
import { connect, createServer, type Server, type Socket } from "node:net";
import type { Direction } from "./fault-proxy.js";

/** What the passive reply named, and where the proxy's relay listens instead. */
export interface PassiveReply {
  /** The reply text with the relay's port in place of the server's. */
  rewritten: string;
  /** The server's data port. */
  port: number;
}

const PASV = /^(227 [^\r\n]*?\()(\d{1,3}),(\d{1,3}),(\d{1,3}),(\d{1,3}),(\d{1,3}),(\d{1,3})\)/m;
const EPSV = /^(229 [^\r\n]*?\(\|\|\|)(\d{1,5})(\|\))/m;

/** The server's data port in a 227/229 reply, and the reply naming `relayPort` instead. */
export function rewritePassive(text: string, relayPort: number): PassiveReply | undefined {
  const pasv = PASV.exec(text);
  if (pasv) {
    const port = Number(pasv[6]) * 256 + Number(pasv[7]);
    const address = `127,0,0,1,${relayPort >> 8},${relayPort & 255})`;
    return { port, rewritten: text.replace(PASV, `${pasv[1]}${address}`) };
  }
  const epsv = EPSV.exec(text);
  if (epsv) {
    return { port: Number(epsv[2]), rewritten: text.replace(EPSV, `$1${relayPort}$3`) };
  }
  return undefined;
}

export interface DataCut {
  direction: Direction;
  /** Bytes passed in `direction` before the FIN. */
  bytes: number;
  /** A TCP reset instead of the FIN. */
  reset?: boolean | undefined;
}

/** A listener for one data connection, which it relays to `target` and cuts as `cut` says. */
export interface DataRelay {
  port: number;
  close(): void;
}

const LOOPBACK = "127.0.0.1";

/**
 * Listens on a free loopback port for one data connection, relays it to `targetHost:targetPort`,
 * and ends the receiving side once `cut.bytes` have passed in `cut.direction` (`onCut` then).
 */
export async function startDataRelay(
  targetHost: string,
  targetPort: number,
  cut: DataCut,
  onCut: () => void,
): Promise<DataRelay> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    server.close(); // one data connection per passive reply
    const upstream = connect({ host: targetHost, port: targetPort });
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on("error", () => closeAll());
    }
    relay(client, upstream, cut, onCut);
  });
  const closeAll = () => {
    server.close();
    for (const socket of sockets) socket.destroy();
  };
  const port = await new Promise<number>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, LOOPBACK, () => {
      const address = server.address();
      if (address === null || typeof address === "string") reject(new Error("relay: no port"));
      else resolve(address.port);
    });
  });
  // Bounded: a relay nobody connects to, or a transfer that never ends, goes away by itself.
  setTimeout(closeAll, 60_000).unref();
  return { port, close: closeAll };
}

function relay(client: Socket, server: Socket, cut: DataCut, onCut: () => void): void {
  const from = cut.direction === "up" ? client : server;
  const to = cut.direction === "up" ? server : client;
  let passed = 0;
  let cutDone = false;
  const forward = (source: Socket, target: Socket, chunk: Buffer) => {
    if (chunk.length === 0 || target.destroyed || !target.writable) return;
    if (!target.write(chunk)) {
      source.pause();
      target.once("drain", () => source.resume());
    }
  };
  from.on("data", (chunk: Buffer) => {
    if (cutDone) return; // read and dropped: the sender believes it all arrived
    const room = cut.bytes - passed;
    passed += chunk.length;
    if (passed < cut.bytes) {
      forward(from, to, chunk);
      return;
    }
    forward(from, to, chunk.subarray(0, Math.max(0, room)));
    cutDone = true;
    from.resume();
    if (cut.reset) to.resetAndDestroy();
    else to.end(); // an orderly FIN after what was passed on
    onCut();
  });
  to.on("data", (chunk: Buffer) => forward(to, from, chunk));
  // An end from either side ends the other; after the cut the sender may still be sending:
  // it finishes into the void, and its own end closes the relay.
  from.on("end", () => to.writable && to.end());
  to.on("end", () => !cutDone && from.writable && from.end());
  from.on("close", () => to.destroy());
  to.on("close", () => !cutDone && from.destroy());
}
