// The shape of an ssh2-sftp-client 12.x instance, for createConnection's default client. Kept
// here so that this package's types do not need @types/ssh2-sftp-client (whose 9.x typings lag
// behind 12.x). wrapClient keeps whatever type your client already has.

/** connect()'s options (ssh2's ConnectConfig); `password`, `passphrase` and `privateKey` are never shown in an error. */
export interface SftpConnectConfig {
  host?: string;
  port?: number;
  username?: string;
  password?: string;
  privateKey?: string | Uint8Array;
  passphrase?: string | Uint8Array;
  /** Milliseconds for the SSH handshake and login (ssh2's default: 20000). */
  readyTimeout?: number;
  /** Milliseconds between keepalive requests; 0 (ssh2's default) sends none, and a dead peer goes unnoticed. */
  keepaliveInterval?: number;
  keepaliveCountMax?: number;
  hostVerifier?: (
    key: Uint8Array | string,
    verify?: (valid: boolean) => void,
  ) => boolean | undefined;
  [option: string]: unknown;
}

/** An entry of list(): its times in milliseconds, `owner` and `group` as numeric ids. */
export interface SftpFileInfo
  extends Record<"size" | "modifyTime" | "accessTime" | "owner" | "group", number> {
  type: "d" | "-" | "l";
  name: string;
  rights: { user: string; group: string; other: string };
  longname: string;
}

type Times = "accessTime" | "modifyTime";
type Kinds = "isBlockDevice" | "isCharacterDevice" | "isSymbolicLink" | "isFIFO" | "isSocket";

/** What stat() and lstat() give. */
export interface SftpFileStats
  extends Record<"mode" | "uid" | "gid" | "size" | Times, number>,
    Record<"isDirectory" | "isFile" | Kinds, boolean> {}

type Source = string | Uint8Array | NodeJS.ReadableStream;
type Listener = (...args: unknown[]) => void;

/** The public methods of an ssh2-sftp-client 12.x `SftpClient`. */
export interface SftpClientLike {
  connect(config: SftpConnectConfig): Promise<unknown>;
  end(): Promise<boolean>;
  cwd(): Promise<string>;
  realPath(path: string): Promise<string>;
  list(path: string, filter?: (item: SftpFileInfo) => boolean): Promise<SftpFileInfo[]>;
  /** `false` when the path does not exist (or the server answered a generic failure); throws on other errors. */
  exists(path: string): Promise<false | "d" | "-" | "l">;
  stat(path: string): Promise<SftpFileStats>;
  lstat(path: string): Promise<SftpFileStats>;
  get(
    path: string,
    dst?: string | NodeJS.WritableStream,
    options?: object,
  ): Promise<string | NodeJS.WritableStream | Buffer>;
  fastGet(remotePath: string, localPath: string, options?: object): Promise<string>;
  put(input: Source, remotePath: string, options?: object): Promise<string>;
  fastPut(localPath: string, remotePath: string, options?: object): Promise<string>;
  append(
    input: Uint8Array | NodeJS.ReadableStream,
    remotePath: string,
    options?: object,
  ): Promise<string>;
  mkdir(path: string, recursive?: boolean): Promise<string>;
  rmdir(path: string, recursive?: boolean): Promise<string>;
  delete(path: string, notFoundOK?: boolean): Promise<string>;
  rename(fromPath: string, toPath: string): Promise<string>;
  posixRename(fromPath: string, toPath: string): Promise<string>;
  chmod(path: string, mode: number | string): Promise<string>;
  uploadDir(srcDir: string, dstDir: string, options?: object): Promise<string>;
  downloadDir(srcDir: string, dstDir: string, options?: object): Promise<string>;
  rcopy(srcPath: string, dstPath: string): Promise<string>;
  createReadStream(path: string, options?: object): NodeJS.ReadableStream;
  createWriteStream(path: string, options?: object): NodeJS.WritableStream;
  on(event: string, callback: Listener): void;
  removeListener(event: string, callback: Listener): void;
}
