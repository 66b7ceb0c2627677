import { tooManyUsersPattern } from "./busy-text.js";
import type { Reason } from "./reasons.js";

/**
 * A refinement of the reason from the server's (or client's) text. Rules are tried in order and
 * the first that applies wins, so the more specific wordings come first.
 */
export interface TextRule {
  /** A short name, for tests and for the `why` of a hint. */
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
  /** Only for these operations. */
  operations?: readonly string[];
  /** Overrides the reason's retry policy (a "too many users" 530 is worth a retry). */
  retryable?: boolean;
  reconnect?: boolean;
  delayMs?: number;
}

const SFTP_GENERIC = [4, 5] as const;

export const textRules: readonly TextRule[] = [
  {
    id: "tls-required",
    reason: "tls-required",
    pattern:
      /\b(?:tls|ssl|ftps|encryption|secure (?:connection|channel|session)s?)\b[^.\n]{0,40}\b(?:required|mandatory|must be used)|\b(?:must|have to|need to|required to|please) (?:use|be using|issue|enable|switch to) [^.\n]{0,30}\b(?:tls|ssl|ftps|auth|encryption|secure)\b|\b(?:policy )?requires? (?:ssl|tls|ftps|encryption|a secure)\b|\bsessions? must use encryption|\b(?:clear|plain)[- ]?text [^.\n]{0,30}\bnot (?:allowed|permitted|accepted|supported)|\bonly (?:encrypted|secure|tls|ssl|ftps) (?:connections|sessions|logins)/i,
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
    id: "shutdown",
    reason: "service-unavailable",
    pattern:
      /\b(?:shut(?:ting)? ?down|going down|(?:is )?restarting|under maintenance|maintenance mode|service (?:is )?(?:not )?(?:un)?available|temporarily unavailable|try (?:again )?later)\b/i,
    ftp: [421, 120, 530, 431, 434],
    sftp: SFTP_GENERIC,
    retryable: true,
  },
  {
    id: "idle-timeout",
    reason: "timeout",
    pattern: /\btime[ds]? ?out\b|\btimed? out\b|\bidle\b|\bno (?:activity|data|response)\b/i,
    ftp: [421, 426, 451],
    sftp: SFTP_GENERIC,
    retryable: true,
    reconnect: true,
  },
  {
    id: "login-incorrect",
    reason: "auth-failed",
    pattern:
      /\blog ?in (?:incorrect|failed|denied|refused|not accepted)|\b(?:incorrect|invalid|wrong|bad|unknown) (?:user ?(?:name)?|login|password|credentials|user or password|username or password)|\bauthentication (?:failed|failure|rejected|denied)|\b(?:user|password|credentials) (?:is |are )?(?:incorrect|invalid|not (?:accepted|valid))|\bnot logged in|\bplease log ?in\b|\baccess denied for user/i,
    ftp: [530, 430, 331, 332, 500, 501, 503, 550, 421],
  },
  {
    id: "quota",
    reason: "quota-exceeded",
    pattern:
      /\bquota\b|\b(?:disk|storage|space|upload) (?:allocation|limit) (?:exceeded|reached)|\bexceeded (?:your |the )?(?:storage|disk|space|upload)|\bEDQUOT\b/i,
    ftp: "file",
    sftp: SFTP_GENERIC,
  },
  {
    id: "no-space",
    reason: "no-space",
    pattern:
      /\bno (?:free )?(?:space|room)\b|\b(?:disk|device|volume|file ?system|storage|partition) (?:is )?full\b|\bout of (?:disk |storage )?space|\b(?:insufficient|not enough) (?:free |disk |storage )*(?:space|storage|disk)|\bENOSPC\b/i,
    ftp: "file",
    sftp: SFTP_GENERIC,
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
    id: "exists",
    reason: "already-exists",
    pattern:
      /\balready exists?\b|\b(?:file|directory|folder|path|target|destination|name) (?:already )?exists\b|\bexists already\b|\bEEXIST\b/i,
    ftp: "file",
    sftp: SFTP_GENERIC,
  },
  {
    id: "not-a-directory",
    reason: "not-a-directory",
    pattern: /\bnot a (?:directory|dir|folder)\b|\bENOTDIR\b/i,
    ftp: "file",
    sftp: SFTP_GENERIC,
  },
  {
    id: "is-a-directory",
    reason: "is-a-directory",
    pattern:
      /\bis a (?:directory|dir|folder)\b|\bnot a (?:regular|plain|normal) file\b|\bEISDIR\b|\bcannot (?:retrieve|download|open|read) (?:a )?(?:directory|folder)/i,
    ftp: "file",
    sftp: SFTP_GENERIC,
  },
  {
    id: "invalid-name",
    reason: "invalid-name",
    pattern:
      /\b(?:file ?|path ?|directory ?)?names? (?:is )?not allowed|\b(?:invalid|illegal|bad|forbidden) (?:file ?|path ?|directory ?|folder ?)?(?:names?|characters?|path)\b|\bname too long\b|\bENAMETOOLONG\b/i,
    ftp: "file",
    sftp: SFTP_GENERIC,
  },
  {
    id: "not-found",
    reason: "not-found",
    pattern:
      /\bno such (?:file|directory|path|folder|entry)|\b(?:file|directory|folder|path|entry) (?:was )?not found|\bnot found\b|\b(?:does not|doesn'?t|do not|not) exists?\b|\b(?:can ?not|can'?t|couldn'?t|could not|unable to) (?:find|locate)\b|\bno files found\b|\bnon-?existent\b|\bENOENT\b/i,
    ftp: "file",
    sftp: SFTP_GENERIC,
  },
  {
    id: "busy",
    reason: "file-busy",
    pattern:
      /\b(?:file |resource )?(?:is )?(?:busy|locked|in use)\b|\bbeing used by another|\bsharing violation|\block(?:ed)? (?:by|conflict)|\bEBUSY\b/i,
    ftp: "file",
    sftp: SFTP_GENERIC,
  },
  {
    id: "permission-denied",
    reason: "permission-denied",
    pattern:
      /\bpermission denied|\baccess (?:is )?denied|\b(?:operation )?not permitted|\bnot (?:allowed|authori[sz]ed)\b|\bforbidden\b|\binsufficient (?:privileges|permissions|rights|access)|\bno (?:write |read )?(?:permission|access|rights)\b|\bread[- ]only\b|\bwrite[- ]protected\b|\bEACCES\b|\bEPERM\b|\bEROFS\b/i,
    ftp: "file",
    sftp: SFTP_GENERIC,
  },
  {
    id: "cannot-create",
    // vsftpd's 553 "Could not create file." says the open failed, not that the name is bad.
    reason: "file-unavailable",
    pattern:
      /\b(?:could not|couldn'?t|can ?not|can'?t|unable to|failed to) (?:create|open|write)\b/i,
    ftp: [553],
  },
  {
    id: "unsupported",
    reason: "unsupported",
    pattern:
      /\bnot (?:implemented|supported)\b|\bunsupported\b|\bunknown command\b|\bcommand not understood\b|\bunrecognized command\b|\bEXDEV\b|\bcross-device\b/i,
    ftp: "file",
    sftp: SFTP_GENERIC,
  },
  {
    id: "connection-closed",
    reason: "connection-lost",
    pattern:
      /\bconnection (?:was )?(?:closed|reset|lost|ended|dropped|aborted)\b|\bsocket hang up\b|\bsocket (?:is )?closed\b|\bclosed unexpectedly\b|\bFIN packet\b|\bbroken pipe\b|\bECONNRESET\b|\bEPIPE\b/i,
    ftp: [426, 451],
    sftp: [4, 5],
  },
];
