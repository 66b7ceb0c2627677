// What an FTP adapter's reader gives every Failure: its own rules, advice and operations, with
// the FTP part of the servers' reply catalog (the SFTP part stays out of an FTP adapter's bundle).
import type { AdapterData } from "./adapter-data.js";
import { ftpReplyCatalog } from "./catalog-data.js";

export function ftpAdapterData(
  rules: AdapterData["rules"],
  advice: AdapterData["advice"],
  operations: AdapterData["operations"],
): AdapterData {
  return { protocol: "ftp", rules, catalog: ftpReplyCatalog, advice, operations };
}
