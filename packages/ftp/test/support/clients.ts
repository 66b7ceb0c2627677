// node-ftp's callback Client and promise-ftp, wrapped, with the same calls as promises: the
// integration tests and the parity table run each scenario through both.
import Client from "ftp";
import PromiseFtp from "promise-ftp";
import { type WrapOptions, wrapClient } from "../../src/index.js";

/** The calls the scenarios use, as promises, whichever client is underneath. */
export interface Calls {
  kind: "node-ftp" | "promise-ftp";
  /** node-ftp's Client (promise-ftp's rawClient): its events. */
  raw: Client;
  connect(options: Client.Options): Promise<void>;
  get(path: string): Promise<Buffer>;
  put(data: Buffer | string, path: string): Promise<void>;
  size(path: string): Promise<number>;
  cwd(path: string): Promise<unknown>;
  list(path?: string): Promise<unknown>;
  pwd(): Promise<string>;
  end(): void;
  destroy(): void;
}

function drain(stream: NodeJS.ReadableStream): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on("data", (c: Buffer) => chunks.push(c));
    stream.once("error", reject);
    stream.once("close", () => resolve(Buffer.concat(chunks)));
  });
}

/** A wrapped node-ftp Client, its callbacks turned into promises. */
export function nodeFtp(options: WrapOptions = {}): Calls & { client: Client } {
  const client = wrapClient(new Client(), options);
  const call = <T>(run: (cb: (error: Error | undefined, value?: T) => void) => void) =>
    new Promise<T>((resolve, reject) =>
      run((error, value) => (error ? reject(error) : resolve(value as T))),
    );
  return {
    kind: "node-ftp",
    client,
    raw: client,
    connect: (o) =>
      new Promise((resolve, reject) => {
        client.once("ready", () => resolve());
        client.once("error", reject);
        client.connect(o);
      }),
    get: (path) => call<NodeJS.ReadableStream>((cb) => client.get(path, cb)).then(drain),
    put: (data, path) => call<void>((cb) => client.put(data, path, cb)),
    size: (path) => call<number>((cb) => client.size(path, cb)),
    cwd: (path) => call((cb) => client.cwd(path, cb)),
    list: (path) => call((cb) => (path === undefined ? client.list(cb) : client.list(path, cb))),
    pwd: () => call<string>((cb) => client.pwd(cb)),
    end: () => client.end(),
    destroy: () => client.destroy(),
  };
}

/** A wrapped PromiseFtp. */
export function promiseFtp(options: WrapOptions = {}): Calls & { client: PromiseFtp } {
  const client = wrapClient(new PromiseFtp(), options);
  return {
    kind: "promise-ftp",
    client,
    raw: client.rawClient as unknown as Client,
    // promise-ftp reconnects with reconnect() once it was connected; connect() refuses then.
    connect: async (o) => {
      const status = client.getConnectionStatus();
      if (status === "disconnected") await client.reconnect();
      else await client.connect(o);
    },
    get: async (path) => drain(await client.get(path)),
    put: (data, path) => client.put(data, path),
    size: (path) => client.size(path),
    cwd: (path) => client.cwd(path),
    list: (path) => client.list(path as string),
    pwd: () => client.pwd(),
    end: () => {
      void client.end().catch(() => undefined);
    },
    destroy: () => client.destroy(),
  };
}

export const clients = { "node-ftp": nodeFtp, "promise-ftp": promiseFtp } as const;
