// The password of a diagnose run: from the URL, from TRANSFER_ERRORS_PASSWORD, or typed at a
// prompt that echoes nothing. It is never printed, and every printed text is scrubbed of it.
import { UsageError } from "../usage-error.js";

export const PASSWORD_VARIABLE = "TRANSFER_ERRORS_PASSWORD";

interface Terminal {
  stdin: NodeJS.ReadStream;
  stderr: NodeJS.WriteStream;
}

/** Reads one line from a TTY in raw mode, so that no character of it is echoed. */
function prompt(question: string, term: Terminal): Promise<string> {
  const { stdin, stderr } = term;
  return new Promise((resolve, reject) => {
    let typed = "";
    const finish = (error?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off("data", onData);
      stderr.write("\n");
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (chunk: Buffer) => {
      for (const char of chunk.toString("utf8")) {
        if (char === "\r" || char === "\n" || char === "\u0004") return finish();
        if (char === "\u0003") return finish(new UsageError("cancelled"));
        if (char === "\u007f" || char === "\b") typed = typed.slice(0, -1);
        else if (char >= " ") typed += char;
      }
    };
    // Echo goes off before the question shows: what is typed as soon as it shows stays hidden.
    stdin.setRawMode(true);
    stdin.resume();
    stdin.on("data", onData);
    stderr.write(question);
  });
}

/**
 * The password for `user`: the URL's, else the environment's, else a prompt when a person is at
 * the terminal. Anonymous FTP needs none. Without any of these, a UsageError.
 */
export async function passwordFor(
  options: { user: string; host: string; fromUrl: string | undefined; anonymousFtp: boolean },
  env: NodeJS.ProcessEnv,
  term: Terminal,
): Promise<string> {
  if (options.fromUrl !== undefined) return options.fromUrl;
  const fromEnv = env[PASSWORD_VARIABLE];
  if (fromEnv !== undefined && fromEnv !== "") return fromEnv;
  if (options.anonymousFtp) return "anonymous@";
  if (term.stdin.isTTY && typeof term.stdin.setRawMode === "function") {
    return prompt(`Password for ${options.user}@${options.host}: `, term);
  }
  throw new UsageError(
    `no password for ${options.user}: set ${PASSWORD_VARIABLE}, or run in a terminal to be asked`,
  );
}
