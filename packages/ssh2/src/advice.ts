import { type Advice, ssh2Advice } from "@transfer-errors/core/adapter";

// What only this adapter can tell an ssh2 (or node-ssh) user, keyed by its rule ids, signals and
// reasons, after what the core says of ssh2's own failures (`ssh2Advice`). The core adds them to
// the explanation.
export const advice: Advice = {
  ...ssh2Advice,
  timeout:
    "The server did not answer in time: ssh2's readyTimeout (handshake and login) or its keepalive (keepaliveInterval × keepaliveCountMax) ran out.",
  lost: "The SFTP channel or the SSH connection closed while the request was pending: open a new connection (a new ssh2 Client) and SFTP session.",
  "sftp-protocol":
    "The server's SFTP replies could not be read, and ssh2 closed the SFTP channel: open a new one.",
  marked:
    "This SFTP session can no longer be used (wrapClient answers the calls that ssh2 would leave unanswered): open a new connection and SFTP session.",
  deadline:
    "No answer came within the deadline (timeoutMs): the server stopped answering or the SFTP channel died. The wrapper ended the SFTP channel; open a new connection.",
  "closed-by-application":
    "The SFTP session was ended by this application (end()): open a new one before more calls.",
};
