import type { FaultPlan } from "@transfer-errors/testkit/fault-proxy";

/** A seeded fault run: the tests assert it, the bench reports it; one definition for both. */
export interface FaultRun {
  seed: number;
  plan: FaultPlan;
  /** How many idempotent operations the run makes. */
  operations: number;
}

/**
 * FTP, the control connection through the proxy. Down, triggers fall in the first 900 bytes, of
 * which the login is about 400 (greeting, USER, PASS, FEAT, TYPE...); up, in the first 200, of
 * which the login is about 80 and a SIZE 16. So faults cut logins (reconnects fail too) as well as
 * operations. Every connection meets a fault; a fifth are also slow.
 */
export const ftpFaultRun: FaultRun = {
  seed: 20_240_601,
  operations: 36,
  plan: {
    reset: 0.45,
    cut: 0.45,
    drop: 0.1,
    delay: 0.2,
    delayMs: 5,
    maxBytes: { down: 900, up: 200 },
  },
};

/**
 * SFTP, the whole SSH session through the proxy. The handshake and login take about 2.5 kB each
 * way, a stat or a small get a few hundred bytes: triggers in the first 5 kB cut logins (reconnects
 * fail too) as well as operations. Every connection meets a fault; a fifth are also slow.
 */
export const sftpFaultRun: FaultRun = {
  seed: 4,
  operations: 36,
  plan: {
    reset: 0.46,
    cut: 0.46,
    drop: 0.08,
    delay: 0.2,
    delayMs: 5,
    maxBytes: { down: 5_000, up: 5_000 },
  },
};

const pct = (share: number | undefined) => `${Math.round((share ?? 0) * 100)} %`;

/** The plan in words, for reports: derived, so that it cannot drift from the plan itself. */
export function describePlan(plan: FaultPlan): string {
  const bound = plan.maxBytes;
  const [down, up] = typeof bound === "object" ? [bound.down, bound.up] : [bound, bound];
  const within = down === up ? `${down} bytes either way` : `${down} bytes down / ${up} up`;
  return (
    `every connection is reset (${pct(plan.reset)}), cut (${pct(plan.cut)}) or silently dropped ` +
    `(${pct(plan.drop)}) within its first ${within}, and ${pct(plan.delay)} are also delayed ` +
    `${plan.delayMs ?? 20} ms per chunk` // the proxy's default delay
  );
}
