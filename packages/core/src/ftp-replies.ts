import type { CodeText } from "./types.js";

// FTP reply codes, one entry per code, sorted by code. `text` is the wording of the defining
// document with its line breaks joined by single spaces; `source` names that document. There is no
// IANA registry of reply codes, so the RFCs (and, for three codes, common practice) are the record.
// RFC 2389, 2640, 3659 and 7151 define no new codes; RFC 4217 gives 521 and 522 a further use.

export const ftpReplies: readonly Omit<CodeText, "name">[] = [
  {
    code: 110,
    text: 'Restart marker reply. In this case, the text is exact and not left to the particular implementation; it must read: MARK yyyy = mmmm Where yyyy is User-process data stream marker, and mmmm server\'s equivalent marker (note the spaces between markers and "=").',
    meaning:
      "A checkpoint in block or compressed transfer mode, so that a broken transfer can restart from it. Stream mode, which practically every client and server uses, never sends it.",
    action: "Nothing to do; a client that does not use block mode can ignore it.",
    source: "RFC 959",
  },
  {
    code: 120,
    text: "Service ready in nnn minutes.",
    meaning:
      "The server took the connection but is not ready yet (starting up or overloaded) and says roughly when it will be; a 220 greeting should follow. Some clients, basic-ftp among them, give up on it instead of waiting.",
    action:
      "Wait the announced time and connect again, or keep the connection open until the 220 greeting arrives.",
    source: "RFC 959",
  },
  {
    code: 125,
    text: "Data connection already open; transfer starting.",
    meaning:
      "The data connection was already open (usually passive mode) and the transfer starts now; the final result follows as a second reply.",
    action: "Nothing to do; wait for the final reply (226 or an error).",
    source: "RFC 959",
  },
  {
    code: 150,
    text: "File status okay; about to open data connection.",
    meaning:
      "The server accepted a transfer or listing and is opening the data connection; the outcome comes after the data as a second reply.",
    action: "Nothing to do; wait for the final reply (226 or an error).",
    source: "RFC 959",
  },
  {
    code: 200,
    text: "Command okay.",
    meaning:
      "The command succeeded: the usual answer to TYPE, MODE, PORT, EPRT, OPTS, PBSZ, PROT and NOOP.",
    action: "Nothing to do.",
    source: "RFC 959",
  },
  {
    code: 202,
    text: "Command not implemented, superfluous at this site.",
    meaning:
      "The command is accepted but has no effect here, typically ALLO on a server that needs no space reservation, or ACCT when no account is needed. It is a success, not an error.",
    action: "Nothing to do; carry on as if the command had succeeded.",
    source: "RFC 959",
  },
  {
    code: 211,
    text: "System status, or system help reply.",
    meaning:
      "Status or help text (STAT, HELP) and, since RFC 2389, the multi-line answer to FEAT that lists the server's extensions one per line.",
    action: "Nothing to do; read the lines if you need the server's features.",
    source: "RFC 959",
  },
  {
    code: 212,
    text: "Directory status.",
    meaning: "The answer to STAT on a directory: a listing sent over the control connection.",
    action: "Nothing to do.",
    source: "RFC 959",
  },
  {
    code: 213,
    text: "File status.",
    meaning:
      "File status, and the success reply of SIZE and MDTM (RFC 3659), whose value follows the code.",
    action: "Nothing to do; the size or time is in the reply text.",
    source: "RFC 959",
  },
  {
    code: 214,
    text: "Help message. On how to use the server or the meaning of a particular non-standard command. This reply is useful only to the human user.",
    meaning: "Human-readable help in answer to HELP.",
    action: "Nothing to do.",
    source: "RFC 959",
  },
  {
    code: 215,
    text: "NAME system type. Where NAME is an official system name from the list in the Assigned Numbers document.",
    meaning:
      'The answer to SYST, such as "UNIX Type: L8" or "Windows_NT"; clients use it to guess the directory listing format.',
    action: "Nothing to do.",
    source: "RFC 959",
  },
  {
    code: 220,
    text: "Service ready for new user.",
    meaning:
      "The greeting: the server is ready for login. Also the success reply to REIN, and to HOST (RFC 7151) on servers with virtual hosts.",
    action: "Nothing to do; log in.",
    source: "RFC 959",
  },
  {
    code: 221,
    text: "Service closing control connection. Logged out if appropriate.",
    meaning: "The answer to QUIT: the server ends the session and closes the connection.",
    action: "Nothing to do.",
    source: "RFC 959",
  },
  {
    code: 225,
    text: "Data connection open; no transfer in progress.",
    meaning:
      "The data connection is open and idle; also an answer to ABOR when no transfer was running.",
    action: "Nothing to do.",
    source: "RFC 959",
  },
  {
    code: 226,
    text: "Closing data connection. Requested file action successful (for example, file transfer or file abort).",
    meaning:
      "The transfer or listing completed and the server closed the data connection: the success reply that follows 150 or 125.",
    action: "Nothing to do.",
    source: "RFC 959",
  },
  {
    code: 227,
    text: "Entering Passive Mode (h1,h2,h3,h4,p1,p2).",
    meaning:
      "The answer to PASV: the six numbers are the IPv4 address and port to connect to for data. Servers behind NAT often announce a private address, which good clients replace with the control connection's address.",
    action: "Nothing to do; connect the data channel to the announced port.",
    source: "RFC 959",
  },
  {
    code: 228,
    text: "Entering Long Passive Mode (af, hal, h1, h2, h3,..., pal, p1, p2...)",
    meaning:
      "The answer to LPSV, the passive mode of the experimental FOOBAR extension for longer addresses. EPSV (229) replaced it; few servers still answer it.",
    action: "Nothing to do; prefer EPSV if the client offers a choice.",
    source: "RFC 1639",
  },
  {
    code: 229,
    text: "Extended Passive Mode Entered",
    meaning:
      'The answer to EPSV: the text ends in "(|||port|)" and only the port is given; the data connection goes to the same host as the control connection, over IPv4 or IPv6.',
    action: "Nothing to do; connect the data channel to the announced port.",
    source: "RFC 2428",
  },
  {
    code: 230,
    text: "User logged in, proceed.",
    meaning: "Login succeeded (after PASS, or directly after USER when no password is needed).",
    action: "Nothing to do.",
    source: "RFC 959",
  },
  {
    code: 232,
    text: "User logged in, authorized by security data exchange.",
    meaning:
      "Login succeeded without a password because the security exchange (such as Kerberos through AUTH GSSAPI) already identified the user.",
    action: "Nothing to do.",
    source: "RFC 2228",
  },
  {
    code: 234,
    text: "Security data exchange complete.",
    meaning:
      "The server accepted AUTH; with AUTH TLS (RFC 4217) the TLS handshake on the control connection starts right after this reply.",
    action: "Nothing to do; the client starts TLS.",
    source: "RFC 2228",
  },
  {
    code: 235,
    text: "[ADAT=base64data] ; This reply indicates that the security data exchange completed successfully. The square brackets are not to be included in the reply, but indicate that security data in the reply is optional.",
    meaning:
      "The ADAT exchange of a security mechanism such as GSSAPI finished successfully; TLS never uses it.",
    action: "Nothing to do.",
    source: "RFC 2228",
  },
  {
    code: 250,
    text: "Requested file action okay, completed.",
    meaning:
      "A file or directory command succeeded: CWD, DELE, RMD, RNTO, and the control reply that frames MLST output (RFC 3659).",
    action: "Nothing to do.",
    source: "RFC 959",
  },
  {
    code: 257,
    text: '"PATHNAME" created.',
    meaning:
      "The answer to MKD (directory created) and to PWD (current directory); the path is the quoted part of the text, with inner quotes doubled.",
    action: "Nothing to do; read the quoted path if you need it.",
    source: "RFC 959",
  },
  {
    code: 331,
    text: "User name okay, need password.",
    meaning: "The user name was taken and the server waits for PASS.",
    action: "Nothing to do; the client sends the password.",
    source: "RFC 959",
  },
  {
    code: 332,
    text: "Need account for login.",
    meaning: "The server wants an ACCT command before it completes login; rare on current servers.",
    action: "Send the account information the server operator gave you.",
    source: "RFC 959",
  },
  {
    code: 334,
    text: "[ADAT=base64data] ; This reply indicates that the requested security mechanism is ok, and includes security data to be used by the client to construct the next command. The square brackets are not to be included in the reply, but indicate that security data in the reply is optional.",
    meaning:
      "The server accepted the AUTH mechanism (GSSAPI, Kerberos) and expects ADAT commands to continue the exchange.",
    action: "Nothing to do; the client continues with ADAT.",
    source: "RFC 2228",
  },
  {
    code: 335,
    text: "[ADAT=base64data] ; This reply indicates that the security data is acceptable, and more is required to complete the security data exchange. The square brackets are not to be included in the reply, but indicate that security data in the reply is optional.",
    meaning: "One step of the ADAT security exchange was accepted and more data is needed.",
    action: "Nothing to do; the client sends the next ADAT.",
    source: "RFC 2228",
  },
  {
    code: 336,
    text: 'Username okay, need password. Challenge is "...." ; The exact representation of the challenge should be chosen by the mechanism to be sensible to the human user of the system.',
    meaning:
      "Challenge-response login (one-time passwords such as S/Key): the text carries the challenge to answer.",
    action: "Answer the challenge with your one-time password generator.",
    source: "RFC 2228",
  },
  {
    code: 350,
    text: "Requested file action pending further information.",
    meaning:
      "Half of a two-step command succeeded: RNFR found the file and waits for RNTO, or REST saved the offset for the next transfer.",
    action: "Nothing to do; the client sends the second command.",
    source: "RFC 959",
  },
  {
    code: 421,
    text: "Service not available, closing control connection. This may be a reply to any command if the service knows it must shut down.",
    meaning:
      "The server is closing the connection: idle or transfer timeout, too many connections in total or from your address, or a shutdown. It can answer any command, including the greeting.",
    action:
      "Reconnect after a pause; if it comes at connect time, open fewer parallel connections or try later.",
    source: "RFC 959",
  },
  {
    code: 425,
    text: "Can't open data connection.",
    meaning:
      "The data channel could not be set up: a firewall or NAT blocks the passive or active port, the passive port range is closed, or (FTPS) the server insists that the data connection reuses the control connection's TLS session.",
    action:
      "Switch between passive and active mode, open the server's passive port range in firewalls, and with FTPS use a client that resumes the TLS session; retrying unchanged rarely helps when it repeats.",
    source: "RFC 959",
  },
  {
    code: 426,
    text: "Connection closed; transfer aborted.",
    meaning:
      "The data connection broke during a transfer: a network drop, a timeout on either side, an ABOR, or a TLS data channel that was not shut down cleanly.",
    action:
      "Retry the transfer; for large files resume from the partial size with REST if the server supports it.",
    source: "RFC 959",
  },
  {
    code: 430,
    text: "Invalid username or password",
    meaning:
      "Not in any RFC: some servers send it instead of 530 for rejected credentials. It appears in widely copied reply-code lists (Wikipedia's, Go's jlaffaye/ftp constants).",
    action: "Check the user name and password; repeating them unchanged will not help.",
    source: "non-standard",
  },
  {
    code: 431,
    text: "Need some unavailable resource to process security.",
    meaning:
      "The server cannot run the security exchange right now (AUTH, ADAT, PROT): for example its TLS certificate or key failed to load, or the Kerberos service is unreachable.",
    action:
      "Retry later; if it persists, the server's TLS or Kerberos setup needs fixing by its operator.",
    source: "RFC 2228",
  },
  {
    code: 434,
    text: "Requested host unavailable.",
    meaning:
      "Not in any RFC (RFC 7151, which defines HOST, does not use it): listed in common reply-code tables for a HOST command naming a virtual host the server does not serve.",
    action: "Check the host name the client sends with HOST, or connect without HOST.",
    source: "non-standard",
  },
  {
    code: 450,
    text: "Requested file action not taken. File unavailable (e.g., file busy).",
    meaning:
      'A temporary refusal, usually a file locked or still being written by another process. Servers also use it differently: ProFTPD answers a listing that matches nothing with "450 No files found", and some servers send it for a directory that already exists.',
    action:
      "Retry after a delay if the file is busy; treat an empty listing as empty rather than as a failure.",
    source: "RFC 959",
  },
  {
    code: 451,
    text: "Requested action aborted: local error in processing.",
    meaning:
      "The server failed internally while handling the command: a disk or I/O error, a resource limit, or an upload rejected by a server-side check.",
    action: "Retry later; if it keeps failing, ask the server's operator to check its logs.",
    source: "RFC 959",
  },
  {
    code: 452,
    text: "Requested action not taken. Insufficient storage space in system.",
    meaning:
      "The server's disk is full; RFC 959 treats it as temporary. Some servers use it for an exhausted user quota as well.",
    action:
      "Free space on the server or wait for it to be freed, then retry; a smaller upload may fit.",
    source: "RFC 959",
  },
  {
    code: 500,
    text: "Syntax error, command unrecognized. This may include errors such as command line too long.",
    meaning:
      "The server does not know the command (for example MLSD, EPSV or AUTH on an older server) or the line was too long.",
    action:
      "Do not repeat it; fall back to an older command (PASV for EPSV, LIST for MLSD) or switch the feature off in the client.",
    source: "RFC 959",
  },
  {
    code: 501,
    text: "Syntax error in parameters or arguments.",
    meaning:
      "The command is known but its argument is not acceptable: a malformed path or address, an unknown option, or (RFC 3659) MLSD on something that is not a directory.",
    action: "Check the argument: path spelling and encoding, PORT/EPRT address, OPTS values.",
    source: "RFC 959",
  },
  {
    code: 502,
    text: "Command not implemented.",
    meaning:
      "The server knows of the command but does not offer it; an answer of 502 to AUTH TLS means the server has no FTPS.",
    action:
      "Do not retry; disable that feature, or use plain FTP or another server if it is a TLS command.",
    source: "RFC 959",
  },
  {
    code: 503,
    text: "Bad sequence of commands.",
    meaning:
      "The command came in the wrong order: RNTO without RNFR, PASS before USER, PROT before PBSZ, or a command that needs a login first.",
    action: "Send the commands in the required order; this is usually a client bug.",
    source: "RFC 959",
  },
  {
    code: 504,
    text: "Command not implemented for that parameter.",
    meaning:
      "The command exists but not with this value: an unsupported TYPE, MODE or STRU, an unknown AUTH mechanism, or an unsupported PROT level.",
    action: "Use another value, for example TYPE I, MODE S, AUTH TLS, PROT P.",
    source: "RFC 959",
  },
  {
    code: 521,
    text: "Supported address families are (af1, .., afn)",
    meaning:
      'Three uses: RFC 1639 sends it when LPRT or LPSV asks for an unsupported address family; RFC 959\'s appendix example answers MKD of an existing directory with it ("directory already exists; taking no action"), which many servers copy; and RFC 4217 uses it for "data connection cannot be opened with this PROT setting" when an FTPS server refuses an unencrypted data channel.',
    action:
      "Read the text: for an existing directory there is nothing to do; for the PROT message enable data-channel encryption (PROT P) in the client.",
    source: "RFC 1639",
  },
  {
    code: 522,
    text: "Extended Port Failure - unknown network protocol",
    meaning:
      'Two uses: RFC 2428 answers EPRT or EPSV with it when the address family is not supported, with the supported ones in parentheses ("Network protocol not supported, use (1)"); RFC 4217 and FTPS servers such as vsftpd use it when TLS negotiation on the data connection failed or encryption is required.',
    action:
      "For the address family, use the one listed (often IPv4 with PASV/PORT); for TLS, enable PROT P and TLS session reuse in the client.",
    source: "RFC 2428",
  },
  {
    code: 530,
    text: "Not logged in.",
    meaning:
      'Usually wrong credentials, anonymous login disabled, or a command sent before login. Servers also send it for "too many users" or "too many connections from your address", and for "login requires TLS" (vsftpd: "Non-anonymous sessions must use encryption").',
    action:
      "Check the user name and password; if the text speaks of too many users, retry later; if it asks for encryption, connect with FTPS.",
    source: "RFC 959",
  },
  {
    code: 532,
    text: "Need account for storing files.",
    meaning: "The server wants an ACCT command before it accepts uploads; rare on current servers.",
    action: "Send the account information the server operator gave you, or upload elsewhere.",
    source: "RFC 959",
  },
  {
    code: 533,
    text: "Command protection level denied for policy reasons.",
    meaning:
      "The server's policy refuses the protection level of a command, for example CCC (dropping TLS on the control connection) or a command sent unprotected where protection is required.",
    action: "Keep the control connection encrypted; do not use CCC with this server.",
    source: "RFC 2228",
  },
  {
    code: 534,
    text: "Request denied for policy reasons.",
    meaning:
      'A security policy refusal that cuts both ways: a server that allows no TLS refuses AUTH TLS with it, and servers that demand TLS (IIS: "Policy requires SSL") refuse plain logins or transfers with it.',
    action:
      "Read the text: connect with explicit FTPS if the server requires TLS, or without TLS if it refuses it.",
    source: "RFC 2228",
  },
  {
    code: 535,
    text: "Failed security check (hash, sequence, etc).",
    meaning:
      "A protected command or transfer failed its integrity or sequence check: corruption, tampering, or a client and server out of step.",
    action: "Reconnect and retry; if it repeats, check for a proxy or middlebox altering traffic.",
    source: "RFC 2228",
  },
  {
    code: 536,
    text: "Requested PROT level not supported by mechanism.",
    meaning:
      "The PROT level asked for is not available with this security mechanism: with TLS only C (clear) and P (private) exist.",
    action: "Use PROT P (or PROT C if the server allows clear data).",
    source: "RFC 2228",
  },
  {
    code: 537,
    text: "Command protection level not supported by security mechanism.",
    meaning: "The mechanism cannot protect commands at the level asked for (MIC, CONF or ENC).",
    action: "Use a protection level the mechanism supports, or none.",
    source: "RFC 2228",
  },
  {
    code: 550,
    text: "Requested action not taken. File unavailable (e.g., file not found, no access).",
    meaning:
      "The catch-all refusal; what it means depends on the command: RETR, SIZE or MDTM - not found or not readable; STOR - no write permission or a missing directory; CWD - no such directory; DELE or RMD - missing, not permitted, or a non-empty directory; MKD - already exists or not permitted. Some servers answer an empty LIST with it.",
    action:
      "Check that the path exists and that the login may read or write it; the server's text usually says which.",
    source: "RFC 959",
  },
  {
    code: 551,
    text: "Requested action aborted: page type unknown.",
    meaning:
      "Concerns the page file structure (STRU P) of old TOPS-20 systems; practically unseen today.",
    action: "Use the default file structure (STRU F).",
    source: "RFC 959",
  },
  {
    code: 552,
    text: "Requested file action aborted. Exceeded storage allocation (for current directory or dataset).",
    meaning:
      "The upload exceeds the user's quota or a size limit for the directory; unlike 452 it does not clear up by itself.",
    action: "Delete files or ask for a larger quota, then upload again.",
    source: "RFC 959",
  },
  {
    code: 553,
    text: "Requested action not taken. File name not allowed.",
    meaning:
      "The server rejects the name: forbidden characters, too long, outside the allowed tree, an extension the server blocks, or overwriting is not permitted.",
    action: "Use a simpler name (letters, digits, dot, dash) inside a writable directory.",
    source: "RFC 959",
  },
  {
    code: 554,
    text: "The reply indicates that the existing file at the Server-FTP cannot be repositioned as specified in the REST.",
    meaning:
      "A resumed transfer failed because the REST offset does not fit the file, usually beyond its end (a stale partial download or a file changed on the server).",
    action: "Restart the transfer from the beginning, or check the size of the local partial file.",
    source: "RFC 1123",
  },
  {
    code: 555,
    text: "Requested action not taken: type or stru mismatch.",
    meaning:
      "Not in any RFC: listed in many reply-code tables next to 554 for a resume whose TYPE or STRU differs from the one the restart marker was taken with.",
    action: "Use the same TYPE (normally TYPE I) for the whole transfer and restart it.",
    source: "non-standard",
  },
  {
    code: 631,
    text: "Integrity protected reply.",
    meaning:
      "A reply wrapped by an RFC 2228 security mechanism (MIC), base64-encoded; the client decodes it into an ordinary reply. TLS never produces it.",
    action:
      "Nothing to do if the client supports the mechanism; seeing it raw means the client does not.",
    source: "RFC 2228",
  },
  {
    code: 632,
    text: "Confidentiality and integrity protected reply.",
    meaning:
      "A reply encrypted and integrity-protected by an RFC 2228 mechanism (ENC), base64-encoded; the client decodes it into an ordinary reply.",
    action:
      "Nothing to do if the client supports the mechanism; seeing it raw means the client does not.",
    source: "RFC 2228",
  },
  {
    code: 633,
    text: "Confidentiality protected reply.",
    meaning:
      "A reply encrypted by an RFC 2228 mechanism (CONF), base64-encoded; the client decodes it into an ordinary reply.",
    action:
      "Nothing to do if the client supports the mechanism; seeing it raw means the client does not.",
    source: "RFC 2228",
  },
];
