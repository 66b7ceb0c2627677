// SSH transport disconnect reasons (RFC 4253 §11.1), kept apart from the SFTP statuses because
// they share small numbers: reason 2 is PROTOCOL_ERROR, not SSH_FX_NO_SUCH_FILE. ssh2 puts them in
// `err.code` when the server sends SSH_MSG_DISCONNECT. The RFC gives symbolic names only, so
// `text` is that name in words.

export const sshDisconnectReasons: readonly {
  code: number;
  text: string;
  meaning: string;
}[] = [
  {
    code: 1,
    text: "Host not allowed to connect",
    meaning:
      "The server refuses connections from this client address (TCP wrappers, an allow list, or a ban after failed logins).",
  },
  {
    code: 2,
    text: "Protocol error",
    meaning:
      "One side sent something the SSH protocol does not allow; usually an incompatible or buggy implementation, sometimes a middlebox altering traffic.",
  },
  {
    code: 3,
    text: "Key exchange failed",
    meaning:
      "Client and server found no common key exchange, cipher, MAC or host key algorithm, or the exchange itself failed; common between new clients and old servers.",
  },
  {
    code: 4,
    text: "Reserved",
    meaning:
      "Reserved by the RFC (formerly HOST_AUTHENTICATION_FAILED); servers should not send it.",
  },
  {
    code: 5,
    text: "MAC error",
    meaning:
      "A packet failed its integrity check: data corrupted on the way, or the two sides disagree on keys.",
  },
  {
    code: 6,
    text: "Compression error",
    meaning: "Compressed data could not be decompressed; an implementation fault.",
  },
  {
    code: 7,
    text: "Service not available",
    meaning:
      "The server does not offer the service requested (authentication or connection), or the SFTP subsystem is disabled.",
  },
  {
    code: 8,
    text: "Protocol version not supported",
    meaning: "The other side speaks an SSH version this one does not (SSH-1 against SSH-2).",
  },
  {
    code: 9,
    text: "Host key not verifiable",
    meaning:
      "The server's host key could not be verified or did not match the known one; connecting again will not fix it until the key is checked.",
  },
  {
    code: 10,
    text: "Connection lost",
    meaning:
      "The connection was lost (a timeout or the peer went away); a new connection may work.",
  },
  {
    code: 11,
    text: "Disconnected by application",
    meaning:
      "The other side closed the connection on purpose: a normal logout, an idle timeout, or a server shutting down.",
  },
  {
    code: 12,
    text: "Too many connections",
    meaning:
      "The server's connection limit is reached (in total or for this user); it may work later or with fewer parallel sessions.",
  },
  {
    code: 13,
    text: "Authentication cancelled by user",
    meaning:
      "The user cancelled authentication, for example at a password or key passphrase prompt.",
  },
  {
    code: 14,
    text: "No more authentication methods available",
    meaning:
      "Every authentication method the client tried was rejected: wrong password, a key the server does not accept, or a method the server does not allow.",
  },
  {
    code: 15,
    text: "Illegal user name",
    meaning:
      "The server rejects the user name itself (unknown, malformed or not allowed to log in).",
  },
];
