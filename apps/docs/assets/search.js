// Filters the code entries as the user types: every word must appear in the entry's code, name,
// texts or server texts. A classic script (not a module), so that the page works from file://.
(() => {
  const input = document.getElementById("q");
  const status = document.getElementById("results");
  const empty = document.getElementById("no-results");
  const articles = Array.from(document.querySelectorAll("article.code"));
  const codeSections = Array.from(document.querySelectorAll("section.codes"));
  const otherSections = Array.from(document.querySelectorAll("main > section:not(.codes)"));
  const total = articles.length;

  function filter() {
    const words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
    let shown = 0;
    for (const article of articles) {
      const text = article.getAttribute("data-search") || "";
      const match = words.every((w) => text.includes(w));
      article.hidden = !match;
      if (match) shown += 1;
    }
    for (const section of codeSections) {
      section.hidden = !section.querySelector("article.code:not([hidden])");
    }
    for (const section of otherSections) section.hidden = words.length > 0;
    empty.hidden = shown > 0;
    status.textContent = words.length ? `${shown} of ${total} codes match` : `${total} codes`;
  }

  /** A deep link to an entry that the search hides clears the search. */
  function showTarget() {
    const id = decodeURIComponent(location.hash.slice(1));
    const target = id && document.getElementById(id);
    if (!target) return;
    const article = target.closest("article.code, section");
    if (article && (article.hidden || article.closest("[hidden]"))) {
      input.value = "";
      filter();
      target.scrollIntoView();
    }
  }

  input.addEventListener("input", filter);
  window.addEventListener("hashchange", showTarget);
  document.addEventListener("keydown", (event) => {
    if (event.key === "/" && document.activeElement !== input) {
      event.preventDefault();
      input.focus();
    }
  });
  if (input.value) filter();
  showTarget();
})();
