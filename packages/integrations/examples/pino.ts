// pino logging a TransferError's redacted form. The part between the markers is the README's.
// #region readme
import { errSerializer } from "@transfer-errors/integrations/pino";
import pino, { type DestinationStream } from "pino";

export function createLogger(destination?: DestinationStream) {
  // `err` is where pino puts `logger.error(error)` and `logger.error({ err }, "...")`
  const options = { serializers: { err: errSerializer } };
  return destination ? pino(options, destination) : pino(options);
}
// #endregion readme
