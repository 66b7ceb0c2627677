// What an FTP client must not send: the control connection is a line protocol, so a line break in
// a path or argument ends the command there and makes the rest a second command of its own, and
// servers read a NUL as the end of the line. Some client libraries (node-ftp) send them anyway.

const BREAKS = /[\r\n\0]/;

/** A string among `values` has a line break or a NUL: the command would not be sent as given. */
export function splitsFtpCommand(values: readonly unknown[]): boolean {
  return values.some((value) => typeof value === "string" && BREAKS.test(value));
}
