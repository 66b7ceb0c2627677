// Windows Sockets errors that IIS logs and Windows FTP tools print beside reply codes (Microsoft
// KB 969061 lists them with the FTP codes). Kept apart from the FTP replies: 10054 is a broken TCP
// connection on the client's machine, not an answer from the server.

export const winsockErrors: readonly {
  code: number;
  text: string;
  meaning: string;
}[] = [
  {
    code: 10054,
    text: "Connection reset by peer. The connection was forcibly closed by the remote host.",
    meaning:
      "The TCP connection was reset by the server, a firewall or a NAT device, often after an idle timeout or a crash on the far side.",
  },
  {
    code: 10060,
    text: "Cannot connect to remote server.",
    meaning:
      "The connection attempt or an established connection timed out: the host is down, unreachable, or a firewall drops the packets silently.",
  },
  {
    code: 10061,
    text: "Cannot connect to remote server. The connection is actively refused by the server.",
    meaning:
      "Nothing listens on that port (service stopped, wrong port), or a firewall rejects the connection.",
  },
  {
    code: 10066,
    text: "Directory not empty.",
    meaning: "The directory still contains files, so it cannot be removed.",
  },
  {
    code: 10068,
    text: "Too many users, server is full.",
    meaning: "The server has reached its user limit; connecting later may succeed.",
  },
];
