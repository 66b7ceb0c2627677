// A scripted FTP server on 127.0.0.1 for what real servers do not do on demand: replies basic-ftp
// cannot parse, multi-line refusals arriving in pieces, data connections that stall or are dropped,
// a TLS upgrade that never starts. It speaks just enough FTP for basic-ftp's access() and
// passive transfers; a test's handler answers the commands it cares about.
import { createServer, type Server, type Socket } from "node:net";

export interface Session {
  /** Sends raw text; "\r\n" is not added. */
  write(text: string): void;
  /** Sends one reply line (CRLF added). */
  reply(line: string): void;
  /** Opens a passive listener and answers EPSV with its port; resolves with the data socket. */
  passive(command: "EPSV" | "PASV"): Promise<Socket>;
  /** The data socket of the last EPSV/PASV, once the client connected. */
  data(): Promise<Socket>;
  /** Closes the control connection with a FIN. */
  end(): void;
  /** Resets the control connection (RST). */
  reset(): void;
}

/** Return true when the command was handled; false lets the defaults answer. */
export type Handler = (command: string, argument: string, session: Session) => boolean | undefined;

export interface ScriptedFtp {
  port: number;
  /** Commands received, in order ("USER teftp", "RETR x"). */
  commands: string[];
  close(): Promise<void>;
}

const LOOPBACK = "127.0.0.1";

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, LOOPBACK, () => {
      const address = server.address();
      if (address === null || typeof address === "string") reject(new Error("no TCP address"));
      else resolve(address.port);
    });
  });
}

const DEFAULT_REPLIES: Readonly<Record<string, string>> = {
  USER: "331 Password required",
  PASS: "230 Logged in",
  FEAT: "211 No features",
  PWD: '257 "/" is the current directory',
  QUIT: "221 Bye",
};

function defaults(command: string, session: Session): void {
  if (command === "EPSV" || command === "PASV") {
    void session.passive(command);
    return;
  }
  // TYPE, OPTS, STRU, CWD, NOOP ... succeed.
  session.reply(DEFAULT_REPLIES[command] ?? "200 OK");
  if (command === "QUIT") session.end();
}

export async function startScriptedFtp(
  handler: Handler = () => false,
  greeting: string | null = "220 scripted test server",
): Promise<ScriptedFtp> {
  const commands: string[] = [];
  const sockets = new Set<Socket>();
  const servers = new Set<Server>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on("error", () => {});
    socket.on("close", () => sockets.delete(socket));
  };
  const control = createServer((socket) => {
    track(socket);
    let dataSocket: Promise<Socket> | undefined;
    const session: Session = {
      write: (text) => {
        if (!socket.destroyed) socket.write(text);
      },
      reply: (line) => session.write(`${line}\r\n`),
      passive: async (command) => {
        let accept: (socket: Socket) => void = () => {};
        dataSocket = new Promise((resolve) => {
          accept = resolve;
        });
        const server = createServer((data) => {
          track(data);
          server.close();
          accept(data);
        });
        servers.add(server);
        const port = await listen(server);
        if (command === "EPSV") session.reply(`229 Entering Extended Passive Mode (|||${port}|)`);
        else session.reply(`227 Entering Passive Mode (127,0,0,1,${port >> 8},${port & 255})`);
        return dataSocket;
      },
      data: () => dataSocket ?? Promise.reject(new Error("no EPSV/PASV before")),
      end: () => socket.end(),
      reset: () => socket.resetAndDestroy(),
    };
    if (greeting !== null) session.reply(greeting);
    let buffer = "";
    socket.setEncoding("utf8");
    socket.on("data", (chunk: string) => {
      buffer += chunk;
      for (let end = buffer.indexOf("\r\n"); end >= 0; end = buffer.indexOf("\r\n")) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const space = line.indexOf(" ");
        const command = (space < 0 ? line : line.slice(0, space)).toUpperCase();
        const argument = space < 0 ? "" : line.slice(space + 1);
        commands.push(line);
        if (handler(command, argument, session) !== true) defaults(command, session);
      }
    });
  });
  servers.add(control);
  const port = await listen(control);
  return {
    port,
    commands,
    async close() {
      for (const socket of sockets) socket.destroy();
      await Promise.all(
        [...servers].map((server) => new Promise<void>((resolve) => server.close(() => resolve()))),
      );
    },
  };
}
