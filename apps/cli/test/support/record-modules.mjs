// A module hook (node --import) that writes the URL of every file module the process loads to
// the file named by TE_MODULE_LOG: what the CLI's startup costs, counted rather than timed.
import { register } from "node:module";

register(
  `data:text/javascript,${encodeURIComponent(`
    import { appendFileSync } from "node:fs";
    export async function load(url, context, next) {
      if (url.startsWith("file:")) appendFileSync(process.env.TE_MODULE_LOG, url + "\\n");
      return next(url, context);
    }
  `)}`,
);
