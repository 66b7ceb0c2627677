import type { SiteData } from "./data.js";
import { el, esc } from "./html.js";
import { codesSection, digitsSection, reasonsSection } from "./sections.js";

/** The whole page. It works from file:// (no modules, no fetch) and without JavaScript. */
export function renderPage(data: SiteData, version: string): string {
  const total = data.ftp.length + data.sftp.length;
  const { entries, products } = data.serverTexts.corpus;
  const nav = el(
    "nav",
    { "aria-label": "Sections" },
    el(
      "ul",
      {},
      el("li", {}, el("a", { href: "#ftp" }, "FTP reply codes")),
      el("li", {}, el("a", { href: "#sftp" }, "SFTP status codes")),
      el("li", {}, el("a", { href: "#digits" }, "Reading an FTP code")),
      el("li", {}, el("a", { href: "#reasons" }, "Reasons")),
    ),
  );
  const search = el(
    "form",
    { role: "search", class: "search", onsubmit: "return false" },
    el("label", { for: "q" }, "Search codes, names and texts"),
    el("input", {
      id: "q",
      type: "search",
      name: "q",
      autocomplete: "off",
      spellcheck: "false",
      placeholder: "550, SSH_FX_FAILURE, permission denied",
      "aria-describedby": "results",
    }),
    el("p", { id: "results", "aria-live": "polite" }, esc(`${total} codes`)),
  );
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>FTP and SFTP error codes: transfer-errors reference</title>
<meta name="description" content="Every FTP reply code and SFTP status: what it means, what to do, whether to retry, and what real servers send with it.">
<link rel="stylesheet" href="site.css">
</head>
<body>
<a class="skip" href="#main">Skip to the codes</a>
<header>
<h1>FTP and SFTP error codes</h1>
<p>Every FTP reply code and SFTP status: what it means, what to do, whether to retry, and for the ambiguous ones what real servers send. Generated from the registry of <code>@transfer-errors/core</code> ${esc(version)}.</p>
${nav}
</header>
${search}
<main id="main">
${codesSection("ftp", data)}
${codesSection("sftp", data)}
${digitsSection()}
${reasonsSection(data)}
<p id="no-results" class="empty" hidden>No code matches. Try a number (550), a name (SSH_FX_FAILURE) or words of a message (permission denied).</p>
</main>
<footer>
<p>Server texts come from a test corpus of ${esc(entries)} replies of ${esc(products)} server products, each with its source. The <code>transfer-errors</code> command prints the same: <code>transfer-errors explain 550</code>.</p>
</footer>
<script src="search.js"></script>
</body>
</html>
`;
}
