// watchGreeting on fabricated data events (the adapters' tests run it against a real sshd).
import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import {
  isWrongProtocol,
  protocolOfGreeting,
  type WrongProtocol,
  watchGreeting,
} from "../src/adapter.js";

function watch(expected: "ftp" | "ssh", chunks: (string | Buffer)[]) {
  const socket = new EventEmitter();
  const found: WrongProtocol[] = [];
  watchGreeting(socket, expected, (e) => found.push(e));
  for (const chunk of chunks) socket.emit("data", chunk);
  return { found, listening: socket.listenerCount("data") };
}

describe("protocolOfGreeting", () => {
  it.each([
    ["SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3", "ssh"],
    ["SSH-1.99-Cisco-1.25", "ssh"],
    ["220 ProFTPD Server ready.", "ftp"],
    ["220-first line of a long banner", "ftp"],
    ["421", "ftp"],
    ["HTTP/1.1 400 Bad Request", undefined],
    ["SSH", undefined],
    ["", undefined],
  ])("%j is %s", (line, protocol) => {
    expect(protocolOfGreeting(line)).toBe(protocol);
  });
});

describe("watchGreeting", () => {
  it("an SSH identification to an FTP client: a WrongProtocol naming the line and the scheme", () => {
    const { found, listening } = watch("ftp", ["SSH-2.0-OpenSSH_9.2p1\r\n"]);
    expect(found).toHaveLength(1);
    const e = found[0]!;
    expect(isWrongProtocol(e)).toBe(true);
    expect(e).toMatchObject({ expected: "ftp", found: "ssh", firstLine: "SSH-2.0-OpenSSH_9.2p1" });
    expect(e.message).toBe(
      'An SSH server answered ("SSH-2.0-OpenSSH_9.2p1"), not an FTP server: check the port and the URL scheme (sftp:// for SFTP)',
    );
    expect(listening).toBe(0);
  });

  it("reads a line that arrives in pieces, as bytes", () => {
    const { found } = watch("ftp", [
      Buffer.from("SS"),
      Buffer.from("H-2.0-x\r"),
      Buffer.from("\n"),
    ]);
    expect(found.map((e) => e.firstLine)).toEqual(["SSH-2.0-x"]);
  });

  it("an FTP greeting to an SSH client", () => {
    const { found } = watch("ssh", ["220 (vsFTPd 3.0.3)\r\n"]);
    expect(found.map((e) => [e.found, e.message])).toEqual([
      [
        "ftp",
        'An FTP server answered ("220 (vsFTPd 3.0.3)"), not an SSH server: check the port and the URL scheme (ftp:// or ftps:// for FTP)',
      ],
    ]);
  });

  it("the expected protocol, or a line of neither: nothing, and it stops listening", () => {
    for (const [expected, line] of [
      ["ftp", "220 ready\r\n"],
      ["ssh", "SSH-2.0-OpenSSH\r\n"],
      ["ftp", "hello\n"],
    ] as const) {
      const { found, listening } = watch(expected, [line, "SSH-2.0-later\r\n"]);
      expect(found, line).toEqual([]);
      expect(listening).toBe(0);
    }
  });

  it("waits for the end of the line, and gives up after 255 characters", () => {
    expect(watch("ftp", ["SSH-2.0-no-end-yet"]).found).toEqual([]);
    const long = watch("ftp", [`SSH-2.0-${"x".repeat(300)}`]);
    expect(long.found[0]!.firstLine).toBe(`SSH-2.0-${"x".repeat(92)}…`);
    expect(long.listening).toBe(0);
  });

  it("a close that throws does not reach the socket's event", () => {
    const socket = new EventEmitter();
    watchGreeting(socket, "ftp", () => {
      throw new Error("closing failed");
    });
    expect(() => socket.emit("data", "SSH-2.0-x\n")).not.toThrow();
  });
});
