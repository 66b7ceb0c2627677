// The error wrapClient passes to `client.ftp.closeWithError` when an operation outlives its
// deadline: basic-ftp rejects the pending call with this very object, and later calls with
// "Client is closed because <its message>", which is why the message has a fixed, readable form.

const PREFIX = "Deadline exceeded: ";
const brand = Symbol.for("@transfer-errors/basic-ftp.DeadlineError");

export class DeadlineError extends Error {
  override name = "DeadlineError";
  readonly [brand] = true;
  constructor(operation: string, timeoutMs: number) {
    super(`${PREFIX}${operation} did not settle within ${timeoutMs} ms`);
  }
}

export function isDeadlineError(value: unknown): value is DeadlineError {
  try {
    return typeof value === "object" && value !== null && (value as DeadlineError)[brand] === true;
  } catch {
    return false;
  }
}

/** The message of a DeadlineError, also when it is quoted in "Client is closed because ...". */
export function isDeadlineMessage(message: string): boolean {
  return message.startsWith(PREFIX);
}
