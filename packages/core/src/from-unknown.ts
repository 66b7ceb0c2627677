import type { Failure } from "./failure.js";
import { isFtpReplyCode } from "./ftp-digits.js";
import { readErrorShape, safeString } from "./safe.js";
import type { Protocol } from "./types.js";

export interface FailureContext {
  operation?: string | undefined;
  path?: string | undefined;
  protocol?: Protocol | undefined;
}

/**
 * A best-effort `Failure` from any thrown value, read from its shape alone: what the core can say
 * without knowing which client threw it. The adapters know more and say it.
 */
export function failureOf(value: unknown, context: FailureContext = {}): Failure {
  const { code, message } = readErrorShape(value);
  const numeric = typeof code === "number";
  const ftpReply = numeric && isFtpReplyCode(code);
  // ssh2 marks connection-level errors with `level`; a number there is a disconnect reason.
  const sshLevel = safeString(value, "level");
  // Numbers from 10000 are Windows socket errors that FTP tools print beside reply codes.
  const ftpLike = ftpReply || (numeric && code >= 10_000);
  const protocol: Protocol =
    context.protocol ?? (ftpLike && !sshLevel ? "ftp" : numeric || sshLevel ? "sftp" : "ftp");
  const failure: Failure = {
    protocol,
    code,
    message,
    operation: context.operation,
    path: context.path,
    cause: value,
  };
  if (numeric && protocol === "sftp" && sshLevel) failure.codeSpace = "ssh-disconnect";
  if (ftpReply && message) {
    // basic-ftp and most FTP clients put the whole reply in the message: "550 No such file".
    failure.serverMessage = message.replace(/^\d{3}[ -]/, "");
  }
  return failure;
}
