import type { Advice } from "@transfer-errors/core/adapter";

// What only this adapter can tell an ssh2 (or node-ssh) user, keyed by its rule ids, signals and
// reasons. The core adds them to the explanation.

export const advice: Advice = {
  auth: "The server accepted none of the credentials offered: check the user name and password (or key), and whether the server wants keyboard-interactive authentication (ssh2's tryKeyboard).",
  "host-key":
    "The host key the server showed was refused (by hostVerifier, or it does not match): this can be a changed key or someone in between.",
  "handshake-timeout":
    "The server did not complete the SSH handshake and login within readyTimeout.",
  keepalive: "The server stopped answering keepalive requests: the connection is dead.",
  "lost-before-handshake":
    "The server closed the connection before it sent its SSH greeting (a busy sshd drops connections beyond MaxStartups).",
  lost: "The SFTP channel or the SSH connection closed while the request was pending: open a new connection (a new ssh2 Client) and its SFTP session.",
  "no-algorithm":
    "The client and the server have no SSH algorithm in common (key exchange, host key, cipher, MAC or compression).",
  "no-subsystem":
    "The SSH login worked but the server did not start its SFTP subsystem (no `Subsystem sftp` line, or SFTP is disabled for this user).",
  "no-channel": "The server refused to open another channel (often its MaxSessions limit).",
  "bad-options":
    "The connect options or arguments are invalid (a private key that does not parse is often a missing or wrong passphrase).",
  "not-ssh":
    "What answered on that port does not speak SSH-2 (another service, or a very old server).",
  "sftp-protocol":
    "The server's SFTP replies could not be read, and ssh2 closed the SFTP channel: open a new one.",
  marked:
    "This SFTP session can no longer be used: open a new connection and SFTP session (wrapClient refuses calls that would never be answered).",
  deadline:
    "No answer came within the deadline (timeoutMs): the server stopped answering or the SFTP channel died. The wrapper ended the SFTP channel; open a new connection.",
  "closed-by-application":
    "The SFTP session was ended by this application (end()): open a new one before more calls.",
  "local-file": "A file on this machine failed: the failure is local, not the server's.",
};
