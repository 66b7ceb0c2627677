// The sections of the page: the digit tables of RFC 959, one article per code, the reasons.
import { type CodeInfo, type Reason, reasons } from "@transfer-errors/core";
import {
  classify,
  ftpAreas,
  ftpAreaTexts,
  ftpKinds,
  ftpKindTexts,
  reasonRetry,
  reasonTexts,
} from "@transfer-errors/core/registry";
import type { CodeServerTexts, ServerText } from "@transfer-errors/server-replies/server-texts";
import { anchorOf, reasonAnchor } from "./anchors.js";
import { metInstead, type SiteData, serverTextsOf } from "./data.js";
import { el, esc, prose } from "./html.js";

function codeLink(info: CodeInfo): string {
  const label =
    info.protocol === "ftp" ? `${info.code} ${info.name}` : `${info.name} (${info.code})`;
  return el("a", { href: `#${anchorOf(info)}` }, esc(label));
}

function reasonLink(reason: Reason): string {
  return el("a", { href: `#${reasonAnchor(reason)}` }, el("code", {}, esc(reason)));
}

function outcome(info: CodeInfo): "success" | "transient" | "permanent" {
  if (!info.reason) return "success";
  return info.retryable ? "transient" : "permanent";
}

function badge(kind: string, text = kind): string {
  return el("span", { class: `badge ${kind}` }, esc(text));
}

// ---- RFC 959 digit tables -------------------------------------------------------------------

export function digitsSection(): string {
  const kindRows = ftpKinds.flatMap((kind, digit) =>
    kind
      ? [
          el(
            "tr",
            { id: `digit-${digit}` },
            el("th", { scope: "row" }, `${digit}yz`),
            el("td", {}, esc(kind)),
            el("td", {}, esc(ftpKindTexts[kind])),
          ),
        ]
      : [],
  );
  const areaRows = ftpAreas.map((area, digit) =>
    el(
      "tr",
      { id: `area-${digit}` },
      el("th", { scope: "row" }, `x${digit}z`),
      el("td", {}, esc(area)),
      el("td", {}, esc(ftpAreaTexts[area])),
    ),
  );
  const head = (first: string) =>
    el(
      "thead",
      {},
      el(
        "tr",
        {},
        el("th", { scope: "col" }, first),
        el("th", { scope: "col" }, "Name"),
        el("th", { scope: "col" }, "Meaning"),
      ),
    );
  return el(
    "section",
    { id: "digits", "aria-labelledby": "digits-h" },
    el("h2", { id: "digits-h" }, "Reading an FTP reply code"),
    el(
      "p",
      {},
      "RFC 959 §4.2.1: the first digit says how the command went, the second what it was about; the third is a detail. A code that no RFC defines can still be read from its digits (6yz comes from RFC 2228).",
    ),
    el(
      "div",
      { class: "scroll" },
      el(
        "table",
        {},
        el("caption", {}, "First digit"),
        head("Digit"),
        el("tbody", {}, ...kindRows),
      ),
    ),
    el(
      "div",
      { class: "scroll" },
      el(
        "table",
        {},
        el("caption", {}, "Second digit"),
        head("Digit"),
        el("tbody", {}, ...areaRows),
      ),
    ),
  );
}

// ---- one article per code ---------------------------------------------------------------

function retryAdvice(info: CodeInfo): string {
  if (!info.reason) return "Not an error: nothing to retry.";
  const { retry } = classify({ protocol: info.protocol, code: info.code });
  const decision = info.retryable
    ? "Transient: retry with a backoff."
    : "Permanent: do not retry unchanged.";
  const reconnect = retry.reconnect ? " Reconnect first: the connection is gone or unusable." : "";
  return `${decision}${reconnect} ${retry.why}`;
}

function sameReasonElsewhere(info: CodeInfo, data: SiteData): string | undefined {
  if (!info.reason) return undefined;
  const met = metInstead(info, data);
  if (met.length) {
    // "for <reasons>" unless the one reason is the code's own.
    const reasonsMet = new Set(met.flatMap((m) => m.reasons));
    const plain = reasonsMet.size === 1 && reasonsMet.has(info.reason);
    return met
      .map((m) => `${codeLink(m.info)}${plain ? "" : ` for ${m.reasons.map(esc).join(", ")}`}`)
      .join("; ");
  }
  // No server of the corpus answers with this code's reasons in the other protocol: the
  // registry's codes of the same reason.
  const others = data.byReason.get(info.reason)!.filter((o) => o.protocol !== info.protocol);
  return others.length ? others.map(codeLink).join(", ") : undefined;
}

function digits(info: CodeInfo): string | undefined {
  if (!info.kind || !info.area) return undefined;
  const first = Math.floor(info.code / 100);
  const second = Math.floor(info.code / 10) % 10;
  return `${el("a", { href: `#digit-${first}` }, `${first}yz ${esc(info.kind)}`)}, ${el("a", { href: `#area-${second}` }, `x${second}z ${esc(info.area)}`)}`;
}

function row(term: string, value: string | undefined): string {
  return value === undefined ? "" : `${el("dt", {}, esc(term))}${el("dd", {}, value)}`;
}

function serverTextTable(texts: readonly ServerText[]): string {
  const rows = texts.map((t) =>
    el(
      "tr",
      {},
      el("td", { "data-label": "Server" }, esc(t.product)),
      el("td", { "data-label": "Text" }, el("q", {}, esc(t.text))),
      el("td", { "data-label": "Command" }, t.operation ? el("code", {}, esc(t.operation)) : ""),
      el("td", { "data-label": "Source", class: "source" }, esc(t.source)),
    ),
  );
  const head = el(
    "thead",
    {},
    el(
      "tr",
      {},
      ...["Server", "Text", "Command", "Source"].map((h) => el("th", { scope: "col" }, h)),
    ),
  );
  return el(
    "div",
    { class: "scroll" },
    el("table", { class: "server-texts" }, head, el("tbody", {}, ...rows)),
  );
}

function serverTextsBlock(entry: CodeServerTexts, info: CodeInfo): string {
  const groups = new Map<string, ServerText[]>();
  for (const t of entry.texts) {
    const key = `${t.reason}|${t.retryable}`;
    groups.set(key, [...(groups.get(key) ?? []), t]);
  }
  const servers = new Set(entry.texts.map((t) => t.product)).size;
  const parts = [...groups].map(([key, texts]) => {
    const [reason, retryable] = key.split("|") as [Reason, string];
    const kind = retryable === "true" ? "transient" : "permanent";
    return (
      el("h4", {}, reasonLink(reason), " ", badge(kind)) +
      el("p", {}, esc(reasonTexts[reason].what)) +
      serverTextTable(texts)
    );
  });
  const summary = `What servers send with ${info.protocol.toUpperCase()} ${info.code}: ${entry.reasons.length} meanings in ${entry.texts.length} texts of ${servers} servers`;
  return el("details", { class: "servers" }, el("summary", {}, esc(summary)), ...parts);
}

/** The words the search box matches: code, name, the texts, and what servers send. */
function searchText(info: CodeInfo, texts: CodeServerTexts | undefined): string {
  const words = [
    `${info.protocol} ${info.code} ${info.name}`,
    info.text,
    info.meaning,
    info.reason ?? "",
    ...(texts?.texts.map((t) => `${t.product} ${t.text}`) ?? []),
  ];
  return words.join(" ").toLowerCase();
}

function codeArticle(info: CodeInfo, data: SiteData): string {
  const id = anchorOf(info);
  const texts = serverTextsOf(data, info);
  const other = info.protocol === "ftp" ? "SFTP" : "FTP";
  const title =
    info.protocol === "ftp"
      ? `${el("span", { class: "num" }, String(info.code))} ${esc(info.name)}`
      : `${esc(info.name)} ${el("span", { class: "num" }, `(${info.code})`)}`;
  // SFTP statuses are linked by name; `#sftp-4` works too.
  const alias =
    info.protocol === "sftp" ? el("span", { id: `sftp-${info.code}`, class: "alias" }) : "";
  return el(
    "article",
    { class: "code", id, "data-search": searchText(info, texts), "aria-labelledby": `${id}-h` },
    alias,
    el(
      "h3",
      { id: `${id}-h` },
      el(
        "a",
        {
          href: `#${id}`,
          class: "self",
          "aria-label": `Link to ${info.protocol.toUpperCase()} ${info.code}`,
        },
        "#",
      ),
      " ",
      title,
      " ",
      badge(outcome(info)),
    ),
    el(
      "dl",
      {},
      row("Official text", el("q", {}, esc(info.text))),
      row("What it means", prose(info.meaning)),
      row("What to do", prose(info.action)),
      row("Retry", esc(retryAdvice(info))),
      row("Reason", info.reason ? reasonLink(info.reason) : undefined),
      row(`Same reason in ${other}`, sameReasonElsewhere(info, data)),
      row("Digits", digits(info)),
      row(
        "Source",
        esc(info.version ? `${info.source}, SFTP version ${info.version}` : info.source),
      ),
    ),
    texts ? serverTextsBlock(texts, info) : "",
  );
}

export function codesSection(protocol: "ftp" | "sftp", data: SiteData): string {
  const list = protocol === "ftp" ? data.ftp : data.sftp;
  const title = protocol === "ftp" ? "FTP reply codes" : "SFTP status codes";
  const intro =
    protocol === "ftp"
      ? "Every reply code of RFC 959 and the RFCs after it. A code not listed here is read from its digits."
      : "Every SSH_FX_* status of the SFTP drafts, versions 3 to 6. OpenSSH and most servers speak version 3 and send only 0 to 8.";
  return el(
    "section",
    { id: protocol, "aria-labelledby": `${protocol}-h`, class: "codes" },
    el(
      "h2",
      { id: `${protocol}-h` },
      esc(title),
      " ",
      el("span", { class: "count" }, `(${list.length})`),
    ),
    el("p", {}, esc(intro)),
    ...list.map((info) => codeArticle(info, data)),
  );
}

// ---- reasons: what links FTP and SFTP -------------------------------------------------------

function retryPolicy(reason: Reason): string {
  const policy = reasonRetry[reason];
  if (policy === "class") return "By the code: FTP 4xx transient, 5xx permanent";
  return policy ? "Transient" : "Permanent";
}

export function reasonsSection(data: SiteData): string {
  const rows = reasons.map((reason) => {
    const codes = data.byReason.get(reason)!;
    const links = (protocol: "ftp" | "sftp") =>
      codes
        .filter((c) => c.protocol === protocol)
        .map(codeLink)
        .join(", ") || "–";
    return el(
      "tr",
      { id: reasonAnchor(reason) },
      el("th", { scope: "row" }, el("code", {}, esc(reason))),
      el(
        "td",
        {},
        esc(reasonTexts[reason].what),
        "<br>",
        el("span", { class: "action" }, prose(reasonTexts[reason].action)),
      ),
      el("td", {}, esc(retryPolicy(reason))),
      el("td", {}, links("ftp")),
      el("td", {}, links("sftp")),
    );
  });
  const head = el(
    "thead",
    {},
    el(
      "tr",
      {},
      ...["Reason", "What happened, what to do", "Retry", "FTP codes", "SFTP statuses"].map((h) =>
        el("th", { scope: "col" }, h),
      ),
    ),
  );
  return el(
    "section",
    { id: "reasons", "aria-labelledby": "reasons-h" },
    el("h2", { id: "reasons-h" }, "Reasons"),
    el(
      "p",
      {},
      "The ",
      el("code", {}, "reason"),
      " of a TransferError says what went wrong whatever the protocol: it is what joins an FTP reply and an SFTP status that mean the same.",
    ),
    el(
      "div",
      { class: "scroll" },
      el("table", { class: "reasons" }, head, el("tbody", {}, ...rows)),
    ),
  );
}
