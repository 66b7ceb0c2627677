/**
 * A server saying it has too many users, whatever the code it chose (421, 530, even 550): the one
 * text that turns a permanent-looking reply into a retry. Shared by the text rules and by the
 * lean `isRetryable`.
 */
export const tooManyUsersPattern =
  /\btoo many (?:users|connections|clients|sessions|logins|processes|connected|transfers)|\bmaximum (?:number of )?(?:allowed |concurrent |simultaneous )?(?:users|connections|clients|sessions|logins|hosts|(?:data )?transfers)|\bmaximum (?:server |login )?(?:connection|session|login)s?\b[^.\n]{0,30}\breached|\bcan'?t accept more than \d+|\b(?:server|system|site) (?:is )?(?:full|overloaded|(?:too )?busy)|\b(?:connection|user|session|login|client)s? limit\b|\bno more (?:connections|users|sessions)|\btoo much (?:users|connections|clients|sessions|logins)\b|\bonly \d{1,6} (?:users?|connections?|clients?|sessions?)\b[^.\n]{0,40}\ballowed\b|\b(?:users|connections|clients|sessions|logins) \((?:the )?max(?:imum)?\)|\bmax(?:imum)? ?(?:clients|connections) (?:reached|exceeded)/i;
