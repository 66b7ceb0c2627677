// What basic-ftp (5.x and 6.x) writes into its errors. These texts are not a documented API of
// basic-ftp: the integration tests run against the real library and guard every one of them.

/** basic-ftp appends one of these to every error of a socket it owns. */
export const CONTROL_SUFFIX = " (control socket)";
export const DATA_SUFFIX = " (data socket)";

/** Which socket an error came from, by basic-ftp's suffix. */
export function socketOf(message: string): "control" | "data" | undefined {
  if (message.endsWith(DATA_SUFFIX)) return "data";
  if (message.endsWith(CONTROL_SUFFIX)) return "control";
  return undefined;
}

/** The client was closed earlier; the closing error's message follows. */
export const CLIENT_CLOSED = "Client is closed because ";

/** `Timeout (control socket)`, `Timeout (data socket)`: the socket was idle for `timeout` ms. */
export const SOCKET_TIMEOUT = "Timeout";

/** The passive data connection did not connect within `timeout` (the client stays open). */
export const DATA_CONNECT_TIMEOUT = "Timeout when trying to open data connection to ";

/** Connecting the passive data connection failed (the Node error's message follows). */
export const PASSIVE_OPEN_FAILED = "Can't open data connection in passive mode: ";

/** Neither EPSV nor PASV worked on the first transfer; the last error follows, quoted. */
export const NO_TRANSFER_STRATEGY =
  /^None of the available transfer strategies work\. Last error response was '([\s\S]*)'\.?$/;

/** basic-ftp refuses a PASV reply that points to another host (allowSeparateTransferHost). */
export const PASV_OTHER_HOST = "PASV returned another host";

/** The server closed the control connection. */
export const SERVER_CLOSED = [
  "Server sent FIN packet unexpectedly",
  "Server closed connection unexpectedly",
] as const;

/** A socket closed with an error that was not reported otherwise (suffixed). */
export const TRANSMISSION_ERROR = "Socket closed due to transmission error";

/** The application closed the client (client.close()). */
export const USER_CLOSED = /^User closed client( during task)?$/;

/** Two operations at once on one client: basic-ftp closes the client. */
export const CONCURRENT_TASK = "User launched a task while another one is still running";

/** A path or command with CR, LF or NUL: refused before sending. */
export const CONTROL_CHARACTERS = "Invalid command: Contains control characters.";

/** Replies and listings basic-ftp cannot read. */
export const PARSE_ERRORS = [
  "Can't parse response to ",
  "Can't parse EPSV response",
  "Can't parse PASV response",
  "This library only supports MLSD, Unix- or DOS-style directory listing",
  "FTP control response exceeded maximum allowed size",
] as const;

/**
 * A passive-mode reply without a complete address: the line was cut off in transit (the
 * connection dropped while it arrived), anywhere in the line. A complete 227/229 from any server
 * parses; a server that really sends none fails again on the next try, within the retry budget.
 */
export const TRUNCATED_PASSIVE_REPLY =
  /^Can't parse (?:response to '(?:EPSV|PASV)'|EPSV response|PASV response)[^:]*: 22[79][ -][^)]*$/;

/** A passive-mode step found the control connection gone. */
export const CONTROL_DISCONNECTED = "Control socket is disconnected";

/** A 3xx reply during a transfer (the server wants more, e.g. an account): basic-ftp closes. */
export const UNEXPECTED_REPLY =
  /^Unexpected FTP response is requesting an answer: (\d{3})(?:[ -]([\s\S]*))?$/;

/** A listing larger than `maxListingBytes`. */
export const LISTING_TOO_LARGE = "StringWriter: Maximum bytes exceeded";

/** basic-ftp 6.1+: the local file changed size while it was being uploaded. */
export const LOCAL_FILE_CHANGED = /^Local file "[\s\S]*" changed while it was being uploaded/;

/** Internal invariants of basic-ftp's transfer code ("should not happen", seen after 125 replies). */
export const NO_DATA_CONNECTION = "no data connection";

/** The class name basic-ftp gives its reply errors. */
export const FTP_ERROR_NAME = "FTPError";
