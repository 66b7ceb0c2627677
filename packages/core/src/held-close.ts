// A client's close held back for a short grace during one call: some servers refuse a transfer by
// resetting its data connection at the moment they send their refusal, and a client that closes
// the whole connection on the reset never reads the reply that explains it. A reply that arrives
// within the grace settles the call instead; without one, the close goes ahead, that much later.

type Close = (error: Error) => void;

export interface CloseHold {
  /** The errors whose close waits (a data-connection reset). */
  holds(error: unknown): boolean;
  /** While one waits, further errors it stands for (its socket's close): dropped. */
  absorbs(error: unknown): boolean;
  /** What the call settled with lets the held close go (a reply of the server: the session lives). */
  cancels(settledWith: unknown): boolean;
  graceMs: number;
}

/**
 * Replaces `owner[key]` (a close-with-error method) for one call. Returns what to call once the
 * call settled, with what it settled with: it puts the method back and closes now, unless
 * `cancels` says the connection stays. Anything `holds` does not accept closes at once.
 */
export function holdClose(
  owner: object,
  key: string,
  hold: CloseHold,
): (settledWith: unknown) => void {
  const target = owner as Record<string, Close>;
  const own = Object.hasOwn(target, key);
  const close = target[key] as Close;
  const closeNow: Close = (error) => close.call(target, error);
  let held: { timer: ReturnType<typeof setTimeout>; error: Error } | undefined;
  let released = false;
  const holding: Close = (error) => {
    // Left in place under a later call's hold (two calls at once): it holds nothing any more.
    if (released) return closeNow(error);
    if (held && hold.absorbs(error)) return;
    if (held || !hold.holds(error)) return closeNow(error);
    const timer = setTimeout(() => {
      held = undefined;
      closeNow(error);
    }, hold.graceMs);
    held = { timer, error };
  };
  target[key] = holding;
  return (settledWith) => {
    released = true;
    if (target[key] === holding) {
      if (own) target[key] = close;
      else delete target[key];
    }
    if (!held) return;
    clearTimeout(held.timer);
    const { error } = held;
    held = undefined;
    if (!hold.cancels(settledWith)) closeNow(error);
  };
}
