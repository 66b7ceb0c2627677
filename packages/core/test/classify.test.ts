import { describe, expect, it } from "vitest";
import { classify } from "../src/classify.js";
import type { Reason } from "../src/reasons.js";
import { textRules } from "../src/text-rules.js";

const ftp = (code: number, serverMessage?: string, operation?: string) =>
  classify({ protocol: "ftp", code, serverMessage, operation });
const sftp = (code: number, serverMessage?: string, operation?: string) =>
  classify({ protocol: "sftp", code, serverMessage, operation });

describe("FTP replies by their digits", () => {
  it("treats 4xx as transient and 5xx as permanent", () => {
    expect(ftp(451).retry.retryable).toBe(true);
    expect(ftp(452).retry.retryable).toBe(true);
    expect(ftp(450).retry.retryable).toBe(true);
    expect(ftp(550).retry.retryable).toBe(false);
    expect(ftp(553).retry.retryable).toBe(false);
    expect(ftp(552).retry.retryable).toBe(false);
  });

  it("reads unknown codes from their second digit", () => {
    expect(ftp(459).reason).toBe("file-unavailable");
    expect(ftp(459).retry.retryable).toBe(true);
    expect(ftp(539).reason).toBe("auth-failed");
    expect(ftp(508).reason).toBe("bad-request");
    expect(ftp(548).reason).toBe("server-error");
    expect(ftp(548).retry.retryable).toBe(false);
  });

  it("says reconnect for 421, which the server follows with a close", () => {
    const c = ftp(421, "Service not available, closing control connection.");
    expect(c.reason).toBe("service-unavailable");
    expect(c.retry).toMatchObject({ retryable: true, reconnect: true });
  });

  it("treats an unexpected positive reply as a protocol error", () => {
    expect(ftp(226).reason).toBe("protocol-error");
    expect(ftp(226).retry.retryable).toBe(false);
  });

  it("takes the wait of a 120 greeting from its text", () => {
    const c = ftp(120, "Service ready in 2 minutes.");
    expect(c.reason).toBe("service-unavailable");
    expect(c.retry.delayMs).toBe(120_000);
  });
});

describe("text refinement", () => {
  const cases: [number, string, Reason, boolean][] = [
    [550, "No such file or directory", "not-found", false],
    [530, "You're already logged in", "bad-sequence", false],
    [421, "Kicked by Administrator", "connection-lost", true],
    [550, "/pub/x.txt: No such file or directory", "not-found", false],
    [550, "Permission denied.", "permission-denied", false],
    [550, "File exists", "already-exists", false],
    [550, "Directory not empty", "directory-not-empty", false],
    [550, "Failed to open file.", "file-unavailable", false],
    [450, "Directory already exists", "already-exists", false],
    [450, "No files found", "not-found", false],
    [450, "File is busy, try again", "file-busy", true],
    [452, "Insufficient disk space", "no-space", true],
    [552, "Disk quota exceeded", "quota-exceeded", false],
    [553, "File name not allowed.", "invalid-name", false],
    [553, "Could not create file.", "file-unavailable", false],
    [550, "Not a directory", "not-a-directory", false],
    [550, "/home: Not a regular file", "is-a-directory", false],
    [530, "Login incorrect.", "auth-failed", false],
    [530, "Too many users, try later.", "service-unavailable", true],
    [421, "Too many connections from this IP.", "service-unavailable", true],
    [421, "Timeout.", "timeout", true],
    [421, "Server is going down for maintenance", "service-unavailable", true],
    [530, "Non-anonymous sessions must use encryption.", "tls-required", false],
    [534, "Policy requires SSL.", "tls-required", false],
    [522, "SSL/TLS required on the data channel", "tls-required", false],
    [550, "SSL/TLS required on the control channel", "tls-required", false],
    [550, "SITE CHMOD not supported", "unsupported", false],
    [501, "PORT not allowed after EPSV ALL", "bad-sequence", false],
    [500, "Illegal EPRT command, EPSV ALL in effect", "bad-sequence", false],
    [550, "/pub/x.txt: Stale file handle", "server-error", true],
    [450, "/pub: Stale NFS file handle", "server-error", true],
    [425, "PASV: Too many open files", "data-connection-failed", true],
    [425, "Error reading from file", "server-error", true],
    [550, "/pub/dir: Too many links", "server-error", false],
    [451, "Transfer aborted. Resource deadlock avoided", "file-busy", true],
    [451, "Transfer aborted. Protocol error", "transfer-aborted", true],
    [451, "Transfer aborted. No space left on device", "no-space", true],
    [451, "Transfer aborted. Illegal seek", "server-error", true],
    [503, "PBSZ needs a secure connection.", "bad-sequence", false],
    [521, "PROT P required on secured connections", "tls-required", false],
    [503, "USER command not valid on insecure control connection", "tls-required", false],
    [425, "You cannot use PASV on IPv6 connections. Use EPSV instead.", "unsupported", false],
    [502, "PORT is not available on IPv6 connections", "unsupported", false],
    [550, "Can't set uid.", "server-error", false],
    [421, "Local resource failure", "server-error", true],
    [421, "Could not create socket.", "data-connection-failed", true],
    [425, "Error while transferring data: ECONNRESET", "transfer-aborted", true],
    [501, "Sorry, I won't connect to ports < 1024", "data-connection-failed", false],
    [501, "PORT to a privileged port refused.", "data-connection-failed", false],
    [551, "write EPIPE", "transfer-aborted", true],
    [550, "read ECONNRESET", "transfer-aborted", true],
    [
      451,
      "Sorry, the maximum number of data transfers (5) are being used.",
      "service-unavailable",
      true,
    ],
    [504, "xyz: Invalid ALLO argument", "bad-request", false],
    [504, "AUTH requires at least one argument", "bad-request", false],
    [501, "Missing argument", "bad-request", false],
    [550, "No file name", "bad-request", false],
    [501, "Invalid EPRT format.", "bad-request", false],
    [500, "Unknown SITE command.", "unsupported", false],
    [521, "PROT E unsupported (use C or P).", "unsupported", false],
    [501, "Bad sequence of commands", "bad-sequence", false],
    [534, "CCC not allowed at this point", "bad-sequence", false],
    [550, "STOU incompatible with REST", "bad-sequence", false],
    [450, "Can't APPE while REST request is pending.", "bad-sequence", false],
    [530, "Can't change to another user.", "bad-sequence", false],
    [530, "Please reconnect to work as another user", "bad-sequence", false],
    [504, "Unknown protection level", "bad-request", false],
    [504, "PROT not recognized.", "bad-request", false],
    [530, "Bad HTTP verb.", "protocol-error", false],
    [550, "Pathname too long", "invalid-name", false],
    [550, "Non-existing file", "not-found", false],
    [550, "File missing report.csv", "not-found", false],
    [451, "Transfer aborted. Timer expired", "timeout", true],
    [551, "File listing failed.", "server-error", false],
    [551, "Page type unknown", "unsupported", false],
    [
      550,
      "The process cannot access the file because it is being used by another process.",
      "file-busy",
      true,
    ],
    [421, "Server is busy, try later", "service-unavailable", true],
    [550, "User does not have permission to access this folder", "permission-denied", false],
    [550, "The user lacks write permission on /pub", "permission-denied", false],
    [450, "/pub/a.csv: Resource temporarily unavailable", "file-busy", true],
    [421, "Service temporarily unavailable", "service-unavailable", true],
    [550, "Data connection: Connection reset by peer.", "transfer-aborted", true],
    [
      425,
      "Unable to build data connection: Connection reset by peer",
      "data-connection-failed",
      true,
    ],
    [421, "control connection: Broken pipe.", "connection-lost", true],
    [
      421,
      "Unable to identify the local socket: Transport endpoint is not connected",
      "connection-lost",
      true,
    ],
    [550, "/pub/caf\u00e9.txt: Illegal byte sequence", "invalid-name", false],
    [400, "SSL error", "tls-failed", false],
    [400, "Invalid certificate", "tls-failed", false],
    [
      425,
      "Unable to build data connection: Failed making the data connection secure!",
      "tls-failed",
      false,
    ],
    [
      425,
      "Unable to build data connection: No or wrong ALPN on data connection",
      "tls-failed",
      false,
    ],
    [421, "Negotiation failed: bad record mac", "tls-failed", false],
    [550, "/pub/a.iso: FILE RATIO: 1:3 exceeded", "quota-exceeded", false],
    [534, "Cannot downgrade connection, TLS enforced.", "tls-required", false],
    [534, "Encryption is enforced on this server", "tls-required", false],
    [450, "Please tell me what file you want to rename first", "bad-sequence", false],
    [500, "command 'XYZZY' not recognized by server.", "unsupported", false],
    [500, 'Command "XYZZY" not understood.', "unsupported", false],
    [421, "TLS not configured", "unsupported", false],
    [500, "Cannot use PASV when EPSV ALL was used before.", "bad-sequence", false],
    [522, "Use EPSV for IPv6.", "unsupported", false],
    [421, "ftpd: SSL_accept error: Connection reset by peer.", "tls-failed", false],
    [530, "Can't change user from guest login.", "bad-sequence", false],
    [550, "The filename or extension is too long.", "invalid-name", false],
    [
      550,
      "The filename, directory name, or volume label syntax is incorrect.",
      "invalid-name",
      false,
    ],
    [550, "The parameter is incorrect.", "bad-request", false],
  ];
  it.each(cases)("FTP %i %j is %s (retryable %s)", (code, text, reason, retryable) => {
    const c = ftp(code, text);
    expect(c.reason).toBe(reason);
    expect(c.retry.retryable).toBe(retryable);
  });

  it("sends a 'too many users' 530 to reconnect after a wait", () => {
    const c = ftp(
      530,
      "Sorry, the maximum number of clients (10) for this user are already connected.",
    );
    expect(c.retry).toMatchObject({ retryable: true, reconnect: true, delayMs: 5_000 });
  });

  it("does not read file wordings into connection or login replies", () => {
    expect(ftp(425, "Can't open data connection: no such file").reason).toBe(
      "data-connection-failed",
    );
    expect(ftp(530, "Permission denied.").reason).toBe("auth-failed");
  });

  it("refines only the generic SFTP statuses", () => {
    expect(sftp(4, "Directory not empty").reason).toBe("directory-not-empty");
    expect(sftp(4, "File exists").reason).toBe("already-exists");
    expect(sftp(4, "No space left on device").reason).toBe("no-space");
    expect(sftp(4, "Failure").reason).toBe("server-error");
    expect(sftp(2, "Permission denied").reason).toBe("not-found");
    expect(sftp(3, "No such file").reason).toBe("permission-denied");
  });

  it("reads handles the server does not know as the client's mistake", () => {
    expect(sftp(9, "Invalid handle").reason).toBe("client-misuse");
    expect(sftp(4, "read /srv/a.csv: bad file descriptor").reason).toBe("client-misuse");
    expect(sftp(4, "invalid directory handle").reason).toBe("client-misuse");
    expect(sftp(4, "Stale file handle").reason).toBe("server-error");
    // A status 9 without a text (ssh2 fills in "Unknown status" above 8): the code alone.
    expect(sftp(9, "Unknown status").reason).toBe("client-misuse");
    // A handle opened for the other direction (Python's io on a READ of an upload handle).
    expect(sftp(4, "File not open for writing").reason).toBe("client-misuse");
    expect(sftp(4, "file not opened for reading").reason).toBe("client-misuse");
  });

  it("reads a failing device as worth another try", () => {
    const c = ftp(550, "The request could not be performed because of an I/O device error.");
    expect(c.reason).toBe("server-error");
    expect(c.retry.retryable).toBe(true);
  });

  it("reads a limit of open handles as a resource that frees up again", () => {
    const c = sftp(4, "max_handles limit reached");
    expect(c.reason).toBe("server-error");
    expect(c.retry.retryable).toBe(true);
    expect(sftp(4, "Too many open handles").retry.retryable).toBe(true);
    expect(sftp(4, "No handle available").retry.retryable).toBe(true);
    expect(sftp(4, "Failed to allocate handle").retry.retryable).toBe(true);
  });

  it("reads invalid owners, flags and offsets as bad requests", () => {
    expect(sftp(4, "invalid owner").reason).toBe("bad-request");
    expect(sftp(30, "invalid group").reason).toBe("bad-request");
    expect(sftp(4, "bad file flags").reason).toBe("bad-request");
    expect(sftp(4, "readat /srv/a.csv: negative offset").reason).toBe("bad-request");
  });

  it("retries an I/O error whatever status carries it", () => {
    expect(sftp(28, "Input/output error").retry.retryable).toBe(true);
  });

  it("has at least one sample above for every rule, and each rule matches its own sample", () => {
    const samples: Record<
      string,
      [protocol: "ftp" | "sftp", code: number | string | undefined, text: string]
    > = {
      "tls-failed": ["ftp", 522, "SSL connection failed: session reuse required"],
      already: ["ftp", 530, "You're already logged in"],
      "script-error": ["ftp", undefined, "Cannot read properties of null (reading 'host')"],
      kicked: ["ftp", 421, "Kicked by Administrator"],
      "tls-required": ["ftp", 534, "Policy requires SSL."],
      "in-progress": ["ftp", 450, "RETR: data transfer in progress"],
      "bad-sequence": ["ftp", 530, "Please login with USER and PASS."],
      "refused-access": ["ftp", 530, "User cannot log in, home directory inaccessible."],
      "transfer-aborted": ["ftp", 451, "Error during read from data connection"],
      "data-socket-error": ["ftp", 451, "Transfer failed: write ECONNRESET"],
      "data-connection": ["ftp", 425, "Unable to build data connection: Internal error"],
      "io-error": ["sftp", 4, "Input/output error"],
      oops: ["ftp", 500, "OOPS: vsf_sysutil_recv_peek: no data"],
      "internal-error": ["ftp", 451, "Internal server error"],
      "no-overwrite": ["ftp", 550, "data.csv: Overwrite permission denied"],
      "invalid-parameter": ["sftp", 8, "Invalid parameter"],
      cannot: ["ftp", 450, "Can't delete file /out/report.csv."],
      "unique-name": ["ftp", 450, "STOU: unable to generate unique filename"],
      "foreign-data-peer": ["ftp", 425, "Security: Bad IP connecting."],
      "too-many": ["ftp", 421, "Too many users"],
      shutdown: ["ftp", 421, "Server shutting down"],
      "idle-timeout": ["ftp", 421, "Idle timeout (300 seconds): closing control connection"],
      "login-incorrect": ["ftp", 530, "Login incorrect."],
      quota: ["sftp", 4, "Quota exceeded"],
      "no-space": ["sftp", 4, "No space left on device"],
      "not-empty": ["sftp", 4, "Directory not empty"],
      exists: ["sftp", 4, "File exists"],
      "not-a-directory": ["sftp", 4, "Not a directory"],
      "is-a-directory": ["sftp", 4, "Is a directory"],
      "invalid-name": ["sftp", 4, "Invalid filename"],
      "not-found": ["sftp", 4, "No such file"],
      busy: ["sftp", 4, "The file is locked by another process"],
      "permission-denied": ["sftp", 4, "Permission denied"],
      unsupported: ["sftp", 4, "Operation unsupported"],
      "connection-closed": ["ftp", 451, "Connection reset by peer"],
      "bad-handle": ["sftp", 4, "invalid handle"],
      "out-of-resources": ["ftp", 451, "Too many open files"],
      aborted: ["ftp", 451, "Transfer aborted"],
      "security-sequence": ["ftp", 503, "PROT not allowed on insecure control connection"],
      "tls-cut": [
        "ftp",
        "ECONNRESET",
        "Client network socket disconnected before secure TLS connection was established",
      ],
      "ipv4-only": ["ftp", 500, "PASV is only for IPv4: use EPSV"],
      "session-setup": ["ftp", 530, "Can't set guest privileges."],
      http: ["ftp", 500, "HTTP protocol commands not allowed."],
      "line-too-long": ["ftp", 500, "Command too long."],
      "network-timeout": ["ftp", 550, "read tcp 10.0.0.5:21->10.0.0.9:50211: i/o timeout"],
      "data-connection-setup": ["ftp", 425, "Can't build data connection: unknown address family"],
      "transfer-failed": ["ftp", 550, "Error transferring data: broken pipe"],
    };
    for (const rule of textRules) {
      const sample = samples[rule.id];
      expect(sample, `a sample for rule ${rule.id}`).toBeDefined();
      const [protocol, code, text] = sample!;
      const c = classify({ protocol, code, serverMessage: text });
      expect(c.rule, `${rule.id} on ${text}`).toBe(rule.id);
      expect(c.reason).toBe(rule.reason);
    }
  });
});

// Issue 11: general wordings read on replies of products that were left out. Each rule change
// has a real reply it fixes (from the server catalogs, with its product) and a nearby wording
// it must not steal.
describe("general wordings, measured leave-one-product-out", () => {
  const read = (code: number, text: string, extra: Partial<Parameters<typeof classify>[0]> = {}) =>
    classify({ protocol: "ftp", code, serverMessage: text, ...extra });
  const cases: [product: string, code: number, text: string, reason: Reason, retryable: boolean][] =
    [
      // A certificate refused by the server's TLS check is a TLS failure, not a wrong password.
      [
        "SFTPGo (ftpserverlib)",
        530,
        "TLS verification failed: your certificate has been revoked",
        "tls-failed",
        false,
      ],
      ["nearby", 550, "certificate.pem: No such file or directory", "not-found", false],
      ["nearby", 530, "Login authentication failed", "auth-failed", false],
      // A clear data channel refused on a secured session: the server wants PROT P.
      [
        "FileZilla Server",
        425,
        "Error while transfering data: PROT C is not allowed when the control connection is secure. Use PROT P.",
        "tls-required",
        false,
      ],
      ["FileZilla Server", 534, "Protection level C not allowed", "tls-required", false],
      // A protection level the server does not have is unsupported, not required.
      ["FileZilla Server", 536, "Protection level S not supported", "unsupported", false],
      ["nearby", 425, "Error while transferring data: ECONNRESET", "transfer-aborted", true],
      // A command line longer than the server reads.
      ["vsftpd", 500, "Input line too long.", "protocol-error", false],
      ["Pure-FTPd", 421, "Line too long", "protocol-error", false],
      ["OpenBSD ftpd", 500, "Command too long.", "protocol-error", false],
      ["nearby", 550, "/pub/x.csv: File name too long", "invalid-name", false],
      ["nearby", 553, "Pathname too long.", "invalid-name", false],
      // Too many sessions, in the words of more servers: worth a retry later.
      [
        "Pure-FTPd",
        421,
        "5 users (the maximum) are already logged in, sorry",
        "service-unavailable",
        true,
      ],
      [
        "Serv-U",
        530,
        "Not logged in, only 5 session from same IP allowed at a time.",
        "service-unavailable",
        true,
      ],
      ["aioftp", 530, "too much connections for 'alice'", "service-unavailable", true],
      ["nearby", 530, "You're already logged in", "bad-sequence", false],
      ["nearby", 530, "Only 3 login attempts allowed", "auth-failed", false],
      ["nearby", 552, "Only 5 files allowed per upload", "quota-exceeded", false],
      // A network read or write that timed out, whatever code carries it (but 425).
      [
        "SFTPGo (ftpserverlib)",
        550,
        "Issue during transfer: network error: error transferring data: read tcp 10.0.0.5:21->10.0.0.9:50211: i/o timeout",
        "timeout",
        true,
      ],
      [
        "SFTPGo (ftpserverlib)",
        425,
        "failed to accept passive transfer connection: accept tcp 10.0.0.5:50211: i/o timeout",
        "data-connection-failed",
        true,
      ],
      ["nearby", 501, "Invalid timeout value", "bad-request", false],
      // "Error transferring data: <cause>": the cause when a rule reads it, else the transfer broke.
      [
        "SFTPGo (ftpserverlib)",
        550,
        "Issue during transfer: network error: error transferring data: write tcp 10.0.0.5:21->10.0.0.9:50211: write: broken pipe",
        "transfer-aborted",
        true,
      ],
      [
        "SFTPGo (ftpserverlib)",
        552,
        "Issue during transfer: network error: error transferring data: storage limit exceeded",
        "quota-exceeded",
        false,
      ],
      [
        "SFTPGo (ftpserverlib)",
        550,
        "Issue during transfer: network error: error transferring data: write /srv/a.csv: input/output error",
        "server-error",
        true,
      ],
      // A 425 whose cause is the address or the server's rights: the same request fails again.
      [
        "OpenBSD ftpd",
        425,
        "Can't build data connection: unknown address family",
        "data-connection-failed",
        false,
      ],
      [
        "Pure-FTPd",
        425,
        "Can't create the data socket: Permission denied",
        "data-connection-failed",
        false,
      ],
      [
        "FreeBSD ftpd",
        425,
        "Can't build data connection: Connection refused.",
        "data-connection-failed",
        true,
      ],
      ["nearby", 550, "/pub/x.csv: Permission denied", "permission-denied", false],
      // The server's own failure behind a login reply.
      [
        "SFTPGo (ftpserverlib)",
        530,
        "Authentication error: internal failure",
        "server-error",
        false,
      ],
      ["SFTPGo (ftpserverlib)", 530, "Unexpected exception (driver is nil)", "server-error", false],
      ["nearby", 530, "Authentication failed.", "auth-failed", false],
      // A write error that names its cause reads as the cause.
      ["FreeBSD ftpd", 452, "Error writing to file: No space left on device.", "no-space", true],
      ["FreeBSD ftpd", 452, "Error writing to file: File too large.", "quota-exceeded", false],
      ["nearby", 452, "Error writing to file: Input/output error.", "server-error", true],
      ["nearby", 451, "Error writing to file", "server-error", true],
      // No match for a listing's pattern.
      ["FreeBSD ftpd", 550, "No matching files found.", "not-found", false],
      ["nearby", 550, "No file name", "bad-request", false],
      // An invalid character in the command line is a bad request, in a name an invalid name.
      ["Apache FtpServer", 501, "Invalid character in command", "bad-request", false],
      ["nearby", 553, "Invalid character in file name", "invalid-name", false],
      // A method, algorithm or option the server does not know.
      ["wu-ftpd", 500, "Unrecognized checksum method", "unsupported", false],
      ["ProFTPD", 550, "XYZZY: Hash algorithm not available", "unsupported", false],
      ["ftp-srv", 501, "Unknown setting for option", "bad-request", false],
      ["nearby", 550, "File not available", "file-unavailable", false],
      // "Not allowed" with 502 or 504 (not implemented): the feature is refused, not the user.
      ["ftp-srv", 502, "Command not allowed: XYZZY", "unsupported", false],
      ["FileZilla Server", 504, "MODE Z not allowed from your IP", "unsupported", false],
      ["nearby", 550, "DELE not allowed", "permission-denied", false],
      // RFC 959's "need account": the login wants an ACCT.
      ["Twisted FTP server", 532, "Need an account for storing files", "auth-failed", false],
      ["nearby", 550, "Account disabled", "file-unavailable", false],
    ];
  it.each(cases)("%s %i %j is %s (retryable %s)", (_product, code, text, reason, retryable) => {
    const c = read(code, text);
    expect(c.reason).toBe(reason);
    expect(c.retry.retryable).toBe(retryable);
  });

  it("reads RFC 959's 'bad sequence of commands' as such while logging in too", () => {
    const connecting = { operation: "access", traits: { connects: true } };
    // aioftp: PBSZ before the login.
    expect(read(503, "bad sequence of commands (not logged in)", connecting).reason).toBe(
      "bad-sequence",
    );
    expect(read(530, "Not logged in.", connecting).reason).toBe("auth-failed");
  });

  it("does not read an SFTP status with a data-connection rule", () => {
    // Go pkg/sftp: EINVAL of a readlink is the request's, not a data connection's.
    expect(sftp(4, "readlink /srv/a.csv: invalid argument").reason).toBe("bad-request");
    expect(sftp(4, "symlink /srv/b /srv/a: permission denied").reason).toBe("permission-denied");
    // SFTPGo: a space limit is the user's quota.
    expect(sftp(4, "failure: denying write due to space limit").reason).toBe("quota-exceeded");
    expect(sftp(4, "No space left on device").reason).toBe("no-space");
  });
});

describe("operations", () => {
  it("does not retry a non-idempotent operation after an ambiguous loss", () => {
    const unsafe = { idempotent: false };
    const c = classify({
      protocol: "ftp",
      code: "ECONNRESET",
      operation: "appendFrom",
      traits: unsafe,
    });
    expect(c.reason).toBe("connection-lost");
    expect(c.retry).toMatchObject({ retryable: false, ambiguous: true, reconnect: true });
    const same = classify({ protocol: "ftp", code: "ECONNRESET", operation: "downloadTo" });
    expect(same.retry).toMatchObject({ retryable: true, reconnect: true });
    expect(same.retry.ambiguous).toBeUndefined();
  });

  it("scopes a rule to its operations", () => {
    expect(sftp(4, "Failure", "mkdir").reason).toBe("server-error");
  });
});

describe("Node system codes", () => {
  const cases: [string, Reason, boolean, boolean][] = [
    ["ECONNRESET", "connection-lost", true, true],
    ["EPIPE", "connection-lost", true, true],
    ["ECONNREFUSED", "connection-refused", true, true],
    ["ETIMEDOUT", "timeout", true, true],
    ["ENOTFOUND", "host-not-found", false, true],
    ["EAI_AGAIN", "host-not-found", true, true],
    ["EHOSTUNREACH", "host-unreachable", true, true],
    ["CERT_HAS_EXPIRED", "tls-failed", false, true],
    ["DEPTH_ZERO_SELF_SIGNED_CERT", "tls-failed", false, true],
    ["SELF_SIGNED_CERT_IN_CHAIN", "tls-failed", false, true],
    ["UNABLE_TO_VERIFY_LEAF_SIGNATURE", "tls-failed", false, true],
    ["ERR_TLS_CERT_ALTNAME_INVALID", "tls-failed", false, true],
    ["ERR_SSL_WRONG_VERSION_NUMBER", "tls-failed", false, true],
    ["ENOENT", "not-found", false, false],
    ["ENOSPC", "no-space", true, false],
    // Listed as transient although their reason is not: the list decides.
    ["EMFILE", "local-file-error", true, false],
    ["SOMETHING_ELSE", "unknown", false, false],
  ];
  it.each(cases)("%s is %s (retryable %s, reconnect %s)", (code, reason, retryable, reconnect) => {
    const c = classify({ protocol: "ftp", code });
    expect(c.codeSpace).toBe("system");
    expect(c.reason).toBe(reason);
    expect(c.retry.retryable).toBe(retryable);
    expect(c.retry.reconnect).toBe(reconnect);
  });
});

describe("number systems stay apart", () => {
  it("never reads an SSH disconnect reason as an SFTP status", () => {
    const disconnect = classify({ protocol: "sftp", code: 2, codeSpace: "ssh-disconnect" });
    expect(disconnect.reason).toBe("protocol-error");
    expect(disconnect.retry.reconnect).toBe(true);
    expect(classify({ protocol: "sftp", code: 2 }).reason).toBe("not-found");
    expect(classify({ protocol: "sftp", code: 12, codeSpace: "ssh-disconnect" }).reason).toBe(
      "service-unavailable",
    );
    expect(classify({ protocol: "sftp", code: 12 }).reason).toBe("permission-denied");
  });

  it("reads Winsock numbers as socket errors, not replies", () => {
    expect(classify({ protocol: "ftp", code: 10054 })).toMatchObject({
      codeSpace: "winsock",
      reason: "connection-lost",
    });
    expect(classify({ protocol: "ftp", code: 10061 }).reason).toBe("connection-refused");
    expect(classify({ protocol: "ftp", code: 10068 }).retry.retryable).toBe(true);
  });

  it("does not read an FTP number as an SFTP status or the reverse", () => {
    expect(classify({ protocol: "sftp", code: 550 }).codeSpace).toBeUndefined();
    expect(classify({ protocol: "ftp", code: 2 }).codeSpace).toBeUndefined();
  });
});

describe("signals: what only the adapter saw", () => {
  it("a local file failure keeps its reason; the client closing itself asks to reconnect", () => {
    const c = classify({
      protocol: "ftp",
      code: "ENOENT",
      signals: ["local-file", "client-closed"],
    });
    expect(c.reason).toBe("local-file-error");
    expect(c.retry).toMatchObject({ retryable: false, reconnect: true });
    // Not retryable: the hint does not tell the user to reconnect first.
    expect(c.retry.why).not.toMatch(/Reconnect first/);
  });

  it("a signal's retry decision wins over the code, with the core's own why", () => {
    const c = classify({
      protocol: "ftp",
      code: "ECONNRESET",
      signals: ["data-reset", "repeated"],
    });
    expect(c.reason).toBe("connection-lost");
    expect(c.retry).toMatchObject({ retryable: false });
    expect(c.retry.why).toMatch(/same failure came again/);
  });

  it("ignores signals outside the vocabulary", () => {
    const c = classify({ protocol: "ftp", code: 550, signals: ["bogus" as never] });
    expect(c.signals).toEqual([]);
    expect(c.reason).toBe("file-unavailable");
  });

  it("an adapter's rule refines the client's text before the core's rules", () => {
    const rules = [
      { id: "mine", reason: "unsupported" as const, pattern: /strange/, anyCode: true },
    ];
    const c = classify({ protocol: "sftp", message: "a strange thing", rules });
    expect(c).toMatchObject({ reason: "unsupported", rule: "mine" });
    // An adapter's rule says what happened; its retryable is not read.
    const tries = [{ ...rules[0]!, reason: "not-found" as const, retryable: true }];
    expect(classify({ protocol: "sftp", message: "strange", rules: tries }).retry.retryable).toBe(
      false,
    );
  });

  it("an ambiguous failure is never retryable, whatever the reason given", () => {
    const c = classify({
      protocol: "ftp",
      reason: "timeout",
      operation: "appendFrom",
      traits: { idempotent: false },
    });
    expect(c.retry).toMatchObject({ retryable: false, ambiguous: true });
  });

  it("a negative FTP reply is the server's answer: not ambiguous, except a transfer cut mid-way", () => {
    const unsafe = { idempotent: false };
    const idle = classify({
      protocol: "ftp",
      code: 421,
      serverMessage: "Idle timeout (600 seconds): closing control connection",
      operation: "rename",
      traits: unsafe,
    });
    expect(idle).toMatchObject({ reason: "timeout", retry: { retryable: true, reconnect: true } });
    expect(idle.retry.ambiguous).toBeUndefined();
    const aborted = classify({
      protocol: "ftp",
      code: 426,
      operation: "appendFrom",
      traits: unsafe,
    });
    expect(aborted.retry).toMatchObject({ retryable: false, ambiguous: true });
  });

  it("a failure while connecting asks to reconnect", () => {
    const c = classify({ protocol: "sftp", message: "whatever", traits: { connects: true } });
    expect(c.retry.reconnect).toBe(true);
  });
});

// Real error reports (packages/server-replies/reports): wordings read wrongly in the reports'
// tuning half, each fixed as the general wording of its condition, with a neighbour it must not
// steal.
describe("general wordings, from the real error reports' tuning half", () => {
  const codeless = (protocol: "ftp" | "sftp", message: string) => classify({ protocol, message });
  const reply = (code: number, text: string) =>
    classify({ protocol: "ftp", code, serverMessage: text });

  it("a text without a code is not read as a 425's data connection", () => {
    // ssh2-sftp-client "put: Permission denied /var/www/html/tes.pdf", vinyl-ftp over node-ftp.
    expect(codeless("sftp", "Permission denied").reason).toBe("permission-denied");
    expect(codeless("ftp", "Can't create directory: Permission denied").reason).toBe(
      "permission-denied",
    );
    expect(reply(425, "Unable to build data connection: Permission denied").reason).toBe(
      "data-connection-failed",
    );
  });

  it("OpenSSL's and Node's TLS texts are tls-failed", () => {
    for (const text of [
      "self signed certificate",
      "self-signed certificate in certificate chain",
      "unable to verify the first certificate",
      "DEPTH_ZERO_SELF_SIGNED_CERT",
      "11000:error:1408F10B:SSL routines:ssl3_get_record:wrong version number:ssl3_record.c:252:",
      "Hostname/IP does not match certificate's altnames: Host: a. is not in the cert's altnames",
    ])
      expect(codeless("ftp", text).reason, text).toBe("tls-failed");
    expect(reply(550, "certificate.pem: No such file or directory").reason).toBe("not-found");
  });

  it("a file open elsewhere is busy, worth a retry", () => {
    const c = classify({
      protocol: "sftp",
      code: 4,
      serverMessage: "File is already exclusively open.",
    });
    expect(c).toMatchObject({ reason: "file-busy", retry: { retryable: true } });
    expect(reply(550, "Directory already exists").reason).toBe("already-exists");
  });

  it("a data connection closed unexpectedly is a transfer cut off", () => {
    expect(codeless("ftp", "Data connection unexpectedly closed.").reason).toBe("transfer-aborted");
  });

  it("a command the server does not allow is unsupported; one not allowed to a user is refused", () => {
    expect(reply(402, "Command not allowed").reason).toBe("unsupported");
    expect(reply(550, "SITE command not allowed for anonymous users").reason).toBe(
      "permission-denied",
    );
  });

  it("a connection that 'is closed', or a write after its end, is lost", () => {
    expect(codeless("sftp", "The connection is closed by SSH server").reason).toBe(
      "connection-lost",
    );
    expect(codeless("sftp", "write after end").reason).toBe("connection-lost");
    // A client's own socket (ssh2 "write EPIPE" whose code was lost); a server quoting its data
    // socket's error is the transfer's.
    expect(codeless("sftp", "write EPIPE").reason).toBe("connection-lost");
    expect(reply(451, "Transfer failed: write EPIPE").reason).toBe("transfer-aborted");
  });

  it("vsftpd's OOPS is its own failure, whatever words follow", () => {
    const c = reply(500, "OOPS: vsf_sysutil_recv_peek: no data");
    expect(c).toMatchObject({ reason: "server-error", retry: { retryable: false } });
    expect(reply(421, "No data connection activity: timeout").reason).toBe("timeout");
  });

  it("JavaScript's own errors, in Node's older and newer wordings, are the calling code's", () => {
    for (const text of [
      "Cannot read property 'isDirectory' of undefined",
      "Cannot read properties of undefined (reading 'isDirectory')",
      'The "original" argument must be of type Function',
      "First argument must be a string, Buffer, ArrayBuffer, Array, or array-like object.",
    ])
      expect(codeless("sftp", text).reason, text).toBe("client-misuse");
    // A server that may not read a file is still refusing access.
    expect(classify({ protocol: "sftp", code: 4, serverMessage: "Cannot read file" }).reason).toBe(
      "permission-denied",
    );
  });

  it("vsftpd's bare refusals ('Rename failed.', 'Delete operation failed.') are file-unavailable", () => {
    expect(reply(550, "Rename failed.").reason).toBe("file-unavailable");
    expect(reply(550, "Delete operation failed.").reason).toBe("file-unavailable");
    expect(reply(550, "Create directory operation failed.").reason).toBe("file-unavailable");
    expect(reply(550, "Rename failed: Permission denied").reason).toBe("permission-denied");
  });

  // nodeftpd's tuning half (catalogued with the reports).
  it("a passive listener that cannot open is the data connection; 'invalid port number' a bad argument", () => {
    expect(reply(421, "Server was unable to open passive connection listener").reason).toBe(
      "data-connection-failed",
    );
    expect(reply(501, "Bad argument to PORT (invalid port number)").reason).toBe("bad-request");
    expect(reply(500, "Illegal PORT command.").reason).toBe("data-connection-failed");
  });

  it("'send AUTH TLS' and a protection level 'not sufficient' ask for TLS", () => {
    expect(reply(522, "Protection level not sufficient; send AUTH TLS").reason).toBe(
      "tls-required",
    );
    expect(reply(530, "Please use AUTH first").reason).toBe("tls-required");
  });

  // basic-ftp's own messages (libraries/basic-ftp.json): Node's ECONNRESET during a TLS handshake.
  it("a TLS handshake the peer cut off is tls-failed; a reset of an open connection stays lost", () => {
    const cut = classify({
      protocol: "ftp",
      code: "ECONNRESET",
      message:
        "Client network socket disconnected before secure TLS connection was established (data socket)",
    });
    expect(cut).toMatchObject({ reason: "tls-failed", retry: { retryable: false } });
    const reset = classify({ protocol: "ftp", code: "ECONNRESET", message: "read ECONNRESET" });
    expect(reset.reason).toBe("connection-lost");
  });

  it("OpenSSL's UNSUPPORTED_ALGORITHM is unsupported", () => {
    const text =
      "Error while signing data with privateKey: error:06000080:public key routines:OPENSSL_internal:UNSUPPORTED_ALGORITHM";
    expect(codeless("sftp", text).reason).toBe("unsupported");
  });
});
