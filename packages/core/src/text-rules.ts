import { tooManyUsersPattern } from "./busy-text.js";
import type { Reason } from "./reasons.js";
import type { Signal } from "./signals.js";

/**
 * A refinement of the reason from the server's (or client's) text. Rules are tried in order and
 * the first that applies wins, so the more specific wordings come first. Each pattern is the
 * general wording of a condition, not one server's sentence: the corpus of real replies in the
 * tests measures how well they hold.
 */
export interface TextRule {
  /** A short name, for tests, for the adapters' advice texts and for the `why` of a hint. */
  id: string;
  reason: Reason;
  pattern: RegExp;
  /**
   * FTP replies the rule may refine. `"file"`: negative replies outside the connection and
   * authentication classes (x2z, x3z), whose codes are too coarse to say what happened.
   * `"negative"`: every 4xx and 5xx. Absent: the rule does not refine FTP replies.
   */
  ftp?: "file" | "negative" | readonly number[];
  /** SFTP statuses the rule may refine. Default: the generic ones (4 FAILURE, 5 BAD_MESSAGE). */
  sftp?: readonly number[];
  /** The rule reads the text whatever the code and its number system (a client's own message). */
  anyCode?: boolean;
  /** Only for these codes (an adapter's rule about its library's own codes, `"ERR_BAD_PATH"`). */
  codes?: readonly (string | number)[];
  /**
   * Only with a code of the rule's lists: a text without a code (a client's own message) is not
   * read by it. For a rule about what a text means under one code ("permission denied" to a 425
   * is the data connection's; without a code it is the file's).
   */
  needsCode?: boolean;
  /** Only for these operations (an adapter's rule about one of its own methods). */
  operations?: readonly string[];
  /** Not while connecting or logging in (there "not logged in" means the login failed). */
  exceptConnecting?: boolean;
  /** What else the text tells (an adapter's rule: the client closed its connection ...). */
  signals?: readonly Signal[];
  /**
   * Overrides the reason's retry policy (a "too many users" 530 is worth a retry). The core's own
   * rules only: an adapter's rule says what happened, the core decides the retry.
   */
  retryable?: boolean;
  reconnect?: boolean;
  delayMs?: number;
}

const SFTP_GENERIC = [4, 5] as const;

/** Every negative FTP reply but 425, whose code already says the data connection failed. */
const NEGATIVE_BUT_DATA_CONNECTION: readonly number[] = Array.from(
  { length: 200 },
  (_, i) => 400 + i,
).filter((code) => code !== 425);

/**
 * The file-area codes ("file") but 502 and 504: "command (or parameter) not implemented". A
 * server that does "not allow" a command there refuses the feature, not the user's access.
 */
const FILE_BUT_NOT_IMPLEMENTED: readonly number[] = NEGATIVE_BUT_DATA_CONNECTION.filter(
  (code) => (code % 100 < 20 || code % 100 > 39) && code !== 502 && code !== 504,
);

export const textRules: readonly TextRule[] = [
  {
    id: "tls-failed",
    reason: "tls-failed",
    pattern:
      /\b(?:ssl|tls)\b[^.\n]{0,20}\b(?:connection|handshak\w*|negotiation|session)\b[^.\n]{0,12}\bfail|\bfailed (?:ssl|tls)\b|\b(?:ssl|tls) handshak\w* error|\bsession reuse required\b|\bsession (?:of (?:the )?data connection )?(?:has )?not (?:been )?resumed\b|\b(?:tls|ssl) errors? on (?:the )?data connection\b|\bcipher (?:is )?too weak\b|\b(?:ssl|tls) error\b|\b(?:invalid|missing|bad|expired|untrusted|revoked) (?:client |peer |server )?certificate\b|\b(?:tls|ssl|certificate) verification failed\b|\bcertificate (?:has (?:been )?|was |is )?(?:revoked|expired|rejected|untrusted|not trusted)\b|\bmak(?:e|es|ing) (?:the )?(?:data |control )?connection secure\b|\b(?:wrong|no|missing) ALPN\b|\bnegotiation failed\b|\bSSL_(?:accept|connect)\b|\bSSL routines\b|\bwrong version number\b|self[- _]signed[ _]cert|\bunable to (?:verify the first|get local issuer) certificate\b|\bcertificate's altnames\b/i,
    ftp: "negative",
  },
  {
    // Node's own words for a TLS handshake the peer cut off (code ECONNRESET): a server that
    // refuses the client's TLS (its version, its session, a data connection not reusing the
    // control connection's session), not a lost connection.
    id: "tls-cut",
    reason: "tls-failed",
    pattern: /\bdisconnected before secure TLS connection was established\b/,
    codes: ["ECONNRESET"],
  },
  {
    id: "security-sequence",
    // PBSZ, PROT or CCC before the control connection is secured: RFC 4217 wants AUTH first.
    reason: "bad-sequence",
    pattern:
      /\b(?:PBSZ|PROT|CCC)\b[^.\n]{0,30}\b(?:(?:on|over) (?:an? |the )?(?:insecure|unsecured|unprotected|unencrypted|plain)|(?:needs|requires|only (?:valid|allowed|possible) (?:on|over)) (?:an? |the )?(?:secure|secured|protected|encrypted|TLS)) (?:control )?(?:connection|channel|session)/i,
    ftp: "negative",
  },
  {
    id: "ipv4-only",
    // PASV and PORT carry IPv4 addresses only: on an IPv6 session the server wants EPSV or EPRT.
    reason: "unsupported",
    pattern:
      /\b(?:PASV|PORT|LPSV|LPRT)\b[^.\n]{0,40}\b(?:IPv6|only (?:for|on|available for) IPv4)\b|\bIPv6\b[^.\n]{0,40}\b(?:EPSV|EPRT)\b|\b(?:EPSV|EPRT) (?:for|on|with) IPv6\b/i,
    ftp: "negative",
  },
  {
    id: "tls-required",
    reason: "tls-required",
    pattern:
      /\b(?:tls|ssl|ftps|encryption|secure (?:connection|channel|session)s?)\b[^.\n]{0,40}\b(?:required|mandatory|must be used|enforced)|\b(?:must|have to|need to|required to|please) (?:use|be using|issue|enable|switch to) [^.\n]{0,30}\b(?:tls|ssl|ftps|auth|encryption|secure)\b|\brequires? (?:ssl|tls|ftps|encryption|a secure)\b|\bmust be (?:encrypted|protected|secured)\b|\bsessions? must use encryption|\b(?:use|send|issue) AUTH(?: TLS| SSL)?(?: first)?\b|\bprotection level (?:is )?not sufficient\b|\bprotection level \w+ (?:is )?not (?:allowed|permitted)|\bPROT C\b[^.\n]{0,40}\bnot (?:allowed|permitted|accepted)|\buse PROT P\b|\bunwilling to accept security|\b(?:clear|plain)[- ]?text [^.\n]{0,30}\bnot (?:allowed|permitted|accepted|supported)|\bonly (?:encrypted|secure|tls|ssl|ftps) (?:connections|sessions|logins)|\bPROT P\b[^.\n]{0,20}\brequired\b|\brequires? an? (?:encrypted|secure|protected) (?:data )?(?:connection|channel)|\bcannot be opened with this PROT setting\b|\bcontrol (?:socket|connection) is not secure\b|\bnot (?:valid|allowed|permitted|accepted) (?:on|over) (?:an? |the )?(?:insecure|unsecured|unencrypted|plain[- ]?text|clear[- ]?text) (?:control )?(?:connection|channel|session)/i,
    ftp: "negative",
  },
  {
    id: "too-many",
    reason: "service-unavailable",
    pattern: tooManyUsersPattern,
    ftp: "negative",
    sftp: SFTP_GENERIC,
    retryable: true,
    reconnect: true,
    delayMs: 5_000,
  },
  {
    id: "http",
    // An HTTP client (or proxy) speaking to the FTP port.
    reason: "protocol-error",
    pattern: /\bHTTP (?:protocol )?(?:commands?|verbs?|requests?|methods?)\b/i,
    ftp: "negative",
  },
  {
    id: "line-too-long",
    // The command line is longer than the server reads ("Command too long.", "Input line too
    // long."): what the client sent, not the file system's name limit (invalid-name reads that).
    reason: "protocol-error",
    pattern: /\b(?:command|input|request) (?:line )?too long\b|^\s{0,4}line too long\b/i,
    ftp: "negative",
  },
  {
    id: "in-progress",
    // Another transfer on the same session: it succeeds once that one has finished.
    reason: "bad-sequence",
    pattern:
      /\b(?:transfer|operation|command|upload|download)s? (?:is )?(?:already |still )?in progress\b/i,
    ftp: "negative",
    sftp: SFTP_GENERIC,
    retryable: true,
  },
  {
    id: "bad-handle",
    // A handle the server does not know (closed, or never opened): the client's own mistake.
    reason: "client-misuse",
    pattern:
      /\b(?:invalid|unknown|bad|no such) (?:file |directory |dir )?handle\b|\bbad file (?:descriptor|number)\b|\bEBADF\b|\bhandle (?:is )?(?:not open|invalid|unknown)\b|\bnot open(?:ed)? for (?:reading|writing)\b/i,
    sftp: [4, 5, 9],
  },
  {
    id: "bad-sequence",
    reason: "bad-sequence",
    pattern:
      /\blog ?in with USER\b|\bUSER and PASS\b|\b(?:aren'?t|not|isn'?t) logged in\b|\brequires? (?:authentication|login)\b|\blog ?in first\b|\b(?:use|send|issue) (?:PORT|PASV|EPRT|EPSV|LPRT|LPSV)\b|\bRNFR\b[^.\n]{0,20}\bfirst\b|\brename first\b|\bnot (?:allowed|permitted|available) in ASCII\b|\bsend USER first\b|\b(?:after|since) EPSV ALL\b|\bEPSV ALL (?:is )?(?:in effect|active|mode)\b|\bEPSV ALL (?:was|has been) (?:used|sent|issued|given)\b|\bnot (?:allowed|permitted|valid) at this (?:time|point|stage)\b|\bmust be preceded by\b|\bmust [^.\n]{0,40}\bbefore (?:identifying|sending|issuing|using)\b|\b(?:incompatible|not compatible) with (?:a pending )?(?:REST|RANG)\b|\bwhile (?:a )?(?:REST|RANG) (?:request |command )?is pending\b/i,
    ftp: "negative",
    exceptConnecting: true,
  },
  {
    id: "already",
    // A second login or TLS upgrade on a session that has one: the order is wrong, not the login.
    reason: "bad-sequence",
    pattern:
      /\bbad sequence of commands\b|\b(?:already|still) logged in\b|\balready (?:authenticated|secured)\b|\b(?:user ?name|authentication type)(?: is)? already set\b|\btell me who you are\b|\b(?:can'?t|cannot|unable to) change (?:user from|(?:from|to) (?:an?other |a different |the )?(?:guest )?user\b)|\breconnect to (?:work|log ?in) as (?:an?other|a different) user\b|\bre-?authentication (?:is )?not (?:supported|allowed|permitted)\b/i,
    ftp: "negative",
  },
  {
    id: "refused-access",
    // The credentials were fine; the account's home or the client's address is refused.
    reason: "permission-denied",
    pattern:
      /\bhome (?:directory|folder) (?:is )?(?:inaccessible|not accessible|unavailable)|\bno (?:server )?access (?:from|for) (?:the |your |this )?(?:ip|host|address)|\b(?:ip|host|address) (?:is )?(?:not allowed|denied|blocked|refused)\b/i,
    ftp: "negative",
  },
  {
    id: "shutdown",
    reason: "service-unavailable",
    pattern:
      /\b(?:shut(?:ting)? ?down|going down|restarting|under maintenance|maintenance mode|service (?:is )?(?:not )?(?:un)?available|(?<!resource )temporarily unavailable|try (?:again )?later)\b/i,
    ftp: "negative",
    sftp: SFTP_GENERIC,
    retryable: true,
  },
  {
    // vsftpd's die(): "OOPS: <what failed>" ("... recv_peek: no data" is no idle timeout).
    id: "oops",
    reason: "server-error",
    pattern: /^\s*OOPS:/,
    ftp: "negative",
    sftp: [],
  },
  {
    id: "idle-timeout",
    reason: "timeout",
    pattern:
      /\btime[ds]? ?out\b|\btime (?:limit )?exceeded\b|\bidle\b|\bno (?:activity|data|response)\b|\btimer expired\b|\bETIME\b/i,
    ftp: [421, 426, 451],
    sftp: SFTP_GENERIC,
    retryable: true,
    reconnect: true,
  },
  {
    id: "network-timeout",
    // A read, write or connection on the network that timed out, reported with any code (Go's
    // "i/o timeout", "Connection timed out"): 425 says the data connection, which says more.
    reason: "timeout",
    pattern:
      /\b(?:i\/o|read|write|network|socket) timeout\b|\b(?:connection|transfer|read|write|network|socket) (?:has )?timed out\b|\bETIMEDOUT\b/i,
    ftp: NEGATIVE_BUT_DATA_CONNECTION,
    sftp: SFTP_GENERIC,
    retryable: true,
  },
  {
    id: "session-setup",
    // The login was accepted but the server could not set up the session (its user ids,
    // privileges, chroot or environment): the server's failure, not the credentials'.
    reason: "server-error",
    pattern:
      /\b(?:can'?t|cannot|could not|couldn'?t|unable to|failed to) (?:set|switch|drop|change to) (?:the )?(?:uid|gid|euid|egid|user id|group id|(?:guest |anonymous |user )?privileges|capabilities)\b|\b(?:can'?t|cannot|could not|couldn'?t|unable to|failed to) set ?up (?:the |a )?(?:environment|(?:secure )?chroot|secure anonymous)|\blocal resource failure\b/i,
    ftp: "negative",
  },
  {
    id: "login-incorrect",
    reason: "auth-failed",
    pattern:
      /\blog ?in (?:incorrect|failed|denied|refused|not accepted)|\b(?:incorrect|invalid|wrong|bad|unknown) (?:user ?(?:name)?|login|password|credentials)|\bauthentication (?:failed|failure|rejected|denied)|\b(?:user|password|credentials) (?:is |are )?(?:incorrect|invalid|not (?:accepted|valid))|\bpassword (?:has )?expired\b|\bnot logged in|\bplease log ?in\b|\baccess denied for user|\banonymous (?:only|access (?:is )?(?:not allowed|denied))|\bbanned\b|\btoo many (?:failed|bad|invalid) (?:login|logon|authentication|password)|\bneed (?:an )?account\b/i,
    // 332 and 532: RFC 959's "Need account for ...", an ACCT the login lacks.
    ftp: [530, 430, 331, 332, 532, 500, 501, 503, 550, 421],
  },
  {
    id: "transfer-aborted",
    reason: "transfer-aborted",
    pattern:
      /\berror (?:during|while|on) (?:read|write|writing)\w* (?:from|to|on) (?:the )?(?:data|network)|\b(?:failure|error) (?:reading|writing) (?:from |to )?(?:the )?network stream|\bdata connection:? (?:was |has been )?(?:unexpectedly )?(?:closed|reset|lost|broken)|^\s{0,4}data connection: (?:connection reset|connection timed out|connection aborted|software caused connection abort)|\berror (?:while|during) transfer+ing\b/i,
    ftp: "negative",
  },
  {
    // A server quoting its data socket's error ("451 ... write EPIPE"). Without a code the text is
    // the client's own socket's: its connection is lost (connection-closed reads it).
    id: "data-socket-error",
    reason: "transfer-aborted",
    pattern: /\b(?:read|write) (?:ECONNRESET|EPIPE|ECONNABORTED)\b/i,
    ftp: "negative",
    needsCode: true,
  },
  {
    id: "foreign-data-peer",
    // The data connection came from another address than the control connection (NAT, a
    // proxy): a setup problem that repeating does not fix.
    reason: "data-connection-failed",
    pattern:
      /\bbad IP connecting\b|\bport theft\b|\b(?:different|foreign|wrong) (?:ip|host|address)\b|\baddress(?:es)? (?:of control and data connection )?do(?:es)? not match\b|\bIP is not (?:the )?same as\b|\b(?:illegal|invalid|bad) (?:PORT|EPRT|LPRT)\b(?! format| number)|\bprivileged (?:data )?ports?\b|\bports? ?(?:<|below|under|lower than) ?1024\b/i,
    ftp: "negative",
    retryable: false,
  },
  {
    id: "data-connection-setup",
    // A 425 whose cause is the address or the server's rights, not the network: the same PORT
    // (or the same server setup) gets the same refusal.
    reason: "data-connection-failed",
    pattern:
      /\b(?:permission denied|EACCES|invalid argument|EINVAL|address family|EAFNOSUPPORT|illegal port)\b/i,
    ftp: [425],
    sftp: [],
    needsCode: true,
    retryable: false,
  },
  {
    id: "data-connection",
    reason: "data-connection-failed",
    pattern:
      /\b(?:can'?t|cannot|could not|couldn'?t|unable to|failed to) (?:build|open|establish|make|create|accept) (?:a |the )?data (?:connection|channel|socket)|\b(?:can'?t|cannot|could not|couldn'?t|unable to|failed to) create (?:a |the )?(?:listening |passive )?socket\b|\b(?:can'?t|cannot|could not|couldn'?t|unable to|failed to) (?:open|create|start) (?:a |the )?passive (?:connection |data )?(?:listener|port|socket)\b/i,
    ftp: "negative",
  },
  {
    id: "out-of-resources",
    // A resource exhausted on the server (files, memory): worth another try. A 425 names the
    // data connection, which says more than the resource behind it.
    reason: "server-error",
    pattern:
      /\btoo many open files\b|\bEMFILE\b|\bENFILE\b|\bcannot allocate memory\b|\bout of memory\b|\bENOMEM\b|\bout of streams resources\b|handles? limit (?:reached|exceeded)\b|\btoo many (?:open )?handles\b|\bno (?:free )?handles? (?:available|left)\b|\b(?:failed|unable) to allocate (?:a |the )?handle\b/i,
    ftp: NEGATIVE_BUT_DATA_CONNECTION,
    sftp: SFTP_GENERIC,
    retryable: true,
  },
  {
    id: "internal-error",
    reason: "server-error",
    pattern:
      /\binternal (?:server )?(?:error|failure)\b|\braw error\b|\bunexpected (?:error|exception|failure)\b|\billegal seek\b|\bESPIPE\b|\btoo many links\b|\bEMLINK\b/i,
    ftp: "negative",
    sftp: SFTP_GENERIC,
  },
  {
    id: "quota",
    reason: "quota-exceeded",
    pattern:
      /\bquota\b|\b(?:disk|storage|space) limits?\b|\b(?:upload|transfer) (?:allocation|limits?) (?:exceeded|reached)|\bexceeded (?:your |the )?(?:storage|disk|space|upload)|\b(?:file|upload) too (?:large|big)\b|\bEDQUOT\b|\bEFBIG\b|\b(?:upload|download|file|byte)(?:\/(?:upload|download))? ratio\b|\bratio (?:exceeded|reached)\b/i,
    ftp: "negative",
    sftp: SFTP_GENERIC,
  },
  {
    id: "no-space",
    reason: "no-space",
    pattern:
      /\bno (?:free )?(?:space|room)\b|\b(?:disk|device|volume|file ?system|storage|partition) (?:is )?full\b|\bout of (?:disk |storage )?space|\b(?:insufficient|not enough) (?:free |disk |storage )*(?:space|storage|disk)|\bENOSPC\b/i,
    ftp: "negative",
    sftp: SFTP_GENERIC,
  },
  {
    id: "io-error",
    // A failing disk on the server: worth another try.
    reason: "server-error",
    pattern:
      /\binput\/output error\b|\bI\/O error\b|\bEIO\b|\berror on (?:input|output) file\b|\berror (?:during|while) (?:read|writ)\w* (?:from |to )?(?:the )?(?:local )?file\b|\b(?:reading|writing) (?:from|to) (?:the )?(?:local )?file (?:failed|error)|\b(?:error|failure) (?:reading|writing) (?:from |to )?(?:the )?(?:local )?file\b|\bcould not (?:read from|write to) (?:the )?file\b|\bstale (?:NFS )?(?:file )?handle\b|\bESTALE\b|\bI\/O device error\b/i,
    ftp: "negative",
    // 28 FILE_CORRUPT: some servers send it for EIO.
    sftp: [4, 5, 28],
    retryable: true,
  },
  {
    id: "not-empty",
    reason: "directory-not-empty",
    pattern:
      /\bnot empty\b|\bnon-?empty (?:dir|folder)|\bENOTEMPTY\b|\bcontains (?:files|entries)/i,
    ftp: "file",
    sftp: SFTP_GENERIC,
  },
  {
    id: "no-overwrite",
    // "Overwrite permission denied": the target exists and may not be replaced.
    reason: "already-exists",
    pattern: /\b(?:overwrite|rename) permission denied\b|\(overwrite\)/i,
    ftp: "file",
    sftp: SFTP_GENERIC,
  },
  {
    id: "exists",
    reason: "already-exists",
    pattern:
      /\balready exists?\b|\b(?:file|directory|folder|path|target|destination|name) exists\b|\bexists already\b|\bEEXIST\b/i,
    ftp: "file",
    sftp: SFTP_GENERIC,
  },
  {
    id: "not-a-directory",
    reason: "not-a-directory",
    pattern: /\bnot a (?:valid )?(?:directory|dir|folder)\b|\bENOTDIR\b/i,
    ftp: "file",
    sftp: SFTP_GENERIC,
  },
  {
    id: "is-a-directory",
    reason: "is-a-directory",
    pattern:
      /\bis a (?:directory|dir|folder)\b|\bnot a (?:valid |regular |plain |normal )file\b(?! ?name)|\bonly (?:retrieve|download|read|send) regular files\b|\bnot retrievable\b|\bEISDIR\b|\bcannot (?:retrieve|download|open|read) (?:a )?(?:directory|folder)/i,
    ftp: "file",
    sftp: SFTP_GENERIC,
  },
  {
    id: "invalid-name",
    reason: "invalid-name",
    pattern:
      /\b(?:file ?|path ?|directory ?)?names? (?:is )?not allowed|\b(?:invalid|illegal|bad|forbidden|prohibited) (?:file ?|path ?|directory ?|folder ?)?(?:names?|characters?(?! in (?:the )?command)|path|character sequence)\b|\b(?:path|file)?name too long\b|\billegal byte sequence\b|\bEILSEQ\b|\bENAMETOOLONG\b|\btoo many (?:levels of )?symbolic links\b|\bELOOP\b|\blink loop\b|\b(?:file|dir(?:ectory)?|folder|path)[ -]?names? (?:is )?(?:invalid|not valid)\b|\bnot a valid (?:file|path) ?name\b|\bcan'?t decode (?:the )?(?:path|file ?name)|\bpath too long\b|\bfile ?name (?:or extension )?is too long\b|\b(?:file ?|directory )name[^.\n]{0,40}\bsyntax is incorrect\b/i,
    ftp: "file",
    sftp: SFTP_GENERIC,
  },
  {
    id: "not-found",
    reason: "not-found",
    pattern:
      /\bno such (?:file|directory|path|folder|entry)|\bnot found\b|\b(?:doesn'?t|not) exists?\b|\b(?:can'?t|can ?not|could not|couldn'?t|unable to) (?:find|locate)\b|\bno (?:matching )?files? (?:found|matched)\b|\bnon-?exist(?:ent|ing)\b|\b(?:file|directory|folder|path) (?:is )?missing\b|\bENOENT\b/i,
    ftp: "file",
    sftp: SFTP_GENERIC,
  },
  {
    id: "unsupported",
    reason: "unsupported",
    pattern:
      /\bnot (?:implemented|supported)\b|\bunsupported\b|\bno support for\b|\b(?:restart|resume|rest|append)s? (?:is )?not (?:permitted|allowed|possible)|\bresume is unsafe\b|\b(?:unknown|unrecogni[sz]ed) (?:[a-z]{3,4} )?command\b|\bEXDEV\b|\bcross-device\b|\bcommand (?:'[^'\n]{1,20}' |"[^"\n]{1,20}" )?(?:not |un)?(?:recogni[sz]ed|understood)\b|\bcommand (?:is )?not (?:allowed|permitted)\b(?! (?:for|to) )|\b(?:TLS|SSL)\b[^.\n]{0,12}\bnot (?:configured|available|enabled)\b|\b(?:unknown|unrecogni[sz]ed) (?:[\w-]{1,12} )?(?:option|algorithm|extension|method)\b|\b(?:algorithm|option|feature|extension|method)s? not available\b|\boptions? not understood\b|\bno options are available\b|\b(?:is|are) disabled\b|\bunimplemented\b|\bpage (?:type|structure)\b|\bUNSUPPORTED_ALGORITHM\b/i,
    ftp: "negative",
    sftp: SFTP_GENERIC,
  },
  {
    id: "invalid-parameter",
    reason: "bad-request",
    pattern:
      /\binvalid (?:[\w-]{1,12} )?(?:parameters?|arguments?|options?|format|offset)\b|\b(?:missing|no) (?:argument|parameter)s?\b|\brequires? (?:at least )?(?:one|an?) (?:argument|parameter)|\bno (?:file|directory|path) ?name\b|\b(?:target|argument|parameter|value)s? too (?:short|long)\b|\bEINVAL\b|\b(?:invalid|unknown|bad) (?:owner|group|uid|gid|user id|group id)\b|\b(?:invalid|bad|illegal|unsupported) (?:file |open )?flags\b|\bnegative (?:offset|length|size)\b|\b(?:unknown|invalid|bad) (?:PROT|protection) (?:level|type)\b|\b(?:PROT|protection level)(?: [\w-]{1,8})? (?:is )?not recogni[sz]ed\b|\bparameters? (?:is|are) incorrect\b/i,
    ftp: "file",
    sftp: [4, 5, 8],
  },
  {
    id: "busy",
    reason: "file-busy",
    pattern:
      /\b(?:is|file|resource|device|currently) (?:busy|locked|in use)\b|\b(?:already|exclusively) open(?:ed)?\b|\b(?:locked|in use) by\b|\bbeing used by another|\bsharing violation|\block conflict|\bEBUSY\b|\bdeadlock\b|\bEDEADLK\b|\bresource temporarily unavailable\b|\bEAGAIN\b|\bEWOULDBLOCK\b/i,
    ftp: "file",
    sftp: SFTP_GENERIC,
  },
  {
    // JavaScript's own errors reaching a client's error path ("Cannot read properties of null"):
    // the calling code's mistake, never the server refusing access.
    id: "script-error",
    reason: "client-misuse",
    pattern:
      /\bCannot (?:read|set) propert(?:y|ies) (?:'[^'\n]{0,40}' )?of (?:null|undefined)\b|\bis not a function\b|\bCannot write to a closed stream\b|\bargument must be (?:of type|a string|one of)\b|\bis out of range\. It must be\b|\bwithout 'new'/,
    sftp: [],
  },
  {
    id: "permission-denied",
    reason: "permission-denied",
    pattern:
      /\bpermission denied|\baccess (?:is )?denied|\bnot permitted|\bnot (?:allowed|authori[sz]ed)\b|\bforbidden\b|\b(?:insufficient|not enough) (?:privileges|permissions|rights|access)|\bno (?:write |read )?(?:permission|access|rights)\b|\b(?:do(?:es)?n'?t|do(?:es)? not) have (?:the )?(?:write |read )?(?:permissions?|rights|access)\b|\black(?:s|ing)? (?:the )?(?:write |read )?(?:permissions?|rights)\b|\b(?:may|can) ?not (?:overwrite|delete|remove|rename|create|write|upload|read|change|access|make)\b|\bcan'?t (?:remove|rename|delete|change) (?:the )?(?:root|home) (?:directory|folder)|\boutside (?:of )?(?:the |your )?(?:user'?s? )?(?:root|home)\b|\bread[- ]only\b|\bwrite[- ]protected\b|\bEACCES\b|\bEPERM\b|\bEROFS\b/i,
    ftp: FILE_BUT_NOT_IMPLEMENTED,
    sftp: SFTP_GENERIC,
  },
  {
    id: "cannot",
    // "Could not create file.", "Can't delete file", "Rename failed.": refused, without saying why.
    reason: "file-unavailable",
    pattern:
      /\b(?:can'?t|can ?not|could not|couldn'?t|unable to|failed to) (?:create|open|write|delete|remove|rename|store)\b|\b(?:create|delete|remove|rename|open)(?: directory)? (?:operation )?failed\b/i,
    ftp: "file",
    retryable: false,
  },
  {
    id: "unique-name",
    reason: "server-error",
    pattern: /\bunique file ?name\b/i,
    ftp: "file",
  },
  {
    id: "aborted",
    // "Transfer aborted", with no more precise cause read above (a full disk, a lock, a timeout).
    reason: "transfer-aborted",
    pattern: /\btransfer (?:was |has been )?aborted\b|\baborted (?:the )?transfer\b/i,
    ftp: [426, 450, 451],
  },
  {
    id: "transfer-failed",
    // "Error transferring data: <cause>", when no rule above read the cause (a full disk, a quota,
    // an I/O error, a timeout): the transfer broke off.
    reason: "transfer-aborted",
    pattern: /\berror (?:while |during )?transferr?ing\b/i,
    ftp: "negative",
  },
  {
    id: "kicked",
    reason: "connection-lost",
    pattern: /\bkicked\b|\bdisconnected by (?:the )?(?:administrator|admin)\b/i,
    ftp: [421, 530],
    retryable: true,
    reconnect: true,
  },
  {
    id: "connection-closed",
    reason: "connection-lost",
    pattern:
      /\bconnection (?:was |is |has been )?(?:closed|reset|lost|ended|dropped|aborted)\b|\bsocket hang up\b|\bsocket (?:is )?closed\b|\bclosed unexpectedly\b|\bFIN packet\b|\bbroken pipe\b|\bECONNRESET\b|\bEPIPE\b|\btransport endpoint is not connected\b|\bENOTCONN\b|\bwrite after end\b/i,
    ftp: [421, 451],
    sftp: SFTP_GENERIC,
  },
];
