import type { Advice } from "@transfer-errors/core/adapter";

// What only this adapter can tell an ssh2 (or node-ssh) user, keyed by its rule ids, signals and
// reasons. The core adds them to the explanation.
export const advice: Advice = {
  auth: "The server accepted none of the credentials offered: check the user name and password (or key), and whether the server wants keyboard-interactive authentication (ssh2's tryKeyboard).",
  "host-key":
    "The host key the server showed was refused (by hostVerifier, or it does not match): this can be a changed key or someone in between.",
  timeout:
    "The server did not answer in time: ssh2's readyTimeout (handshake and login) or its keepalive (keepaliveInterval × keepaliveCountMax) ran out.",
  "no-subsystem":
    "The SSH login worked but the server did not start its SFTP subsystem (no `Subsystem sftp` line, or SFTP is disabled for this user).",
  lost: "The SFTP channel or the SSH connection closed while the request was pending: open a new connection (a new ssh2 Client) and SFTP session.",
  "sftp-protocol":
    "The server's SFTP replies could not be read, and ssh2 closed the SFTP channel: open a new one.",
  marked:
    "This SFTP session can no longer be used (wrapClient answers the calls that ssh2 would leave unanswered): open a new connection and SFTP session.",
  deadline:
    "No answer came within the deadline (timeoutMs): the server stopped answering or the SFTP channel died. The wrapper ended the SFTP channel; open a new connection.",
  "closed-by-application":
    "The SFTP session was ended by this application (end()): open a new one before more calls.",
  "wrong-protocol":
    "Connect to the SSH server's port (22 unless it was changed), or read this server with an FTP client (an ftp:// URL).",
  "key-passphrase":
    "The private key could not be decrypted: its passphrase (the `passphrase` option) is wrong or missing.",
};
