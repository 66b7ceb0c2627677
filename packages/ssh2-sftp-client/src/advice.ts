import { type Advice, ssh2Advice, ssh2RebuiltAdvice } from "@transfer-errors/core/adapter";

// What only this adapter can tell an ssh2-sftp-client user, keyed by its rule ids, signals,
// findings (`found:...`) and reasons, after what the core says of ssh2's own failures
// (`ssh2Advice`, `ssh2RebuiltAdvice`). The core adds them to the explanation.

const FOUND = "(found by a follow-up check after the generic failure)";

export const advice: Advice = {
  ...ssh2Advice,
  ...ssh2RebuiltAdvice,
  "mkdir-failure":
    "ssh2-sftp-client reports the server's generic SSH_FX_FAILURE (4) to mkdir as \"permission denied\": the real cause can be an existing entry, a full disk or a read-only file system (wrapClient's `diagnose` option looks).",
  "no-session":
    "The client has no open SFTP session: it was never connected, or the connection was lost.",
  "connected-twice":
    "connect() was called on a client that is already connected: end() it, or better, make a new client.",
  "corrupt-stream":
    "The SSH stream was corrupted or out of step (seen when one ssh2-sftp-client instance is reconnected: use a fresh client).",
  misuse: "The client was never connected: call connect() before any other method.",
  "client-closed":
    "The connection was closed or lost; connect again with a new client (createConnection(...).connect()).",
  deadline:
    "No answer came within the deadline (timeoutMs): the server stopped answering or the SFTP channel died. The request may still be pending, so this client is marked for reconnect: use a new one.",
  "found:exists": `The target already exists ${FOUND}.`,
  "found:missing": `The path does not exist ${FOUND}.`,
  "found:parent-missing": `The parent directory does not exist ${FOUND}.`,
  "found:is-a-directory": `The path is a directory: download the files in it (downloadDir) or name a file ${FOUND}.`,
  "found:not-a-directory": `A path that should be a directory is not one ${FOUND}.`,
  "found:not-empty": `The directory still holds entries: remove them first, or call rmdir(path, true) ${FOUND}.`,
  "found:no-space": `The server's file system has no free space or inodes left ${FOUND}; a partial file may be left behind.`,
  "found:incomplete-upload":
    "The upload reported success but the remote file is shorter than what was sent: a write failed on the server and ssh2's write stream did not report it. The partial file is still there.",
};
