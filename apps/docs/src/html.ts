// Just enough HTML building: every text that comes from data goes through `esc`.

const entities: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export function esc(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (c) => entities[c]!);
}

/** `<tag a="b">children</tag>`; attributes with `undefined` or `false` are left out. */
export function el(
  tag: string,
  attrs: Record<string, string | number | boolean | undefined>,
  ...children: string[]
): string {
  const list = Object.entries(attrs)
    .filter(([, v]) => v !== undefined && v !== false)
    .map(([k, v]) => (v === true ? ` ${k}` : ` ${k}="${esc(v as string | number)}"`))
    .join("");
  return `<${tag}${list}>${children.join("")}</${tag}>`;
}

/** Text with `backticks` shown as code, everything else escaped. */
export function prose(text: string): string {
  return esc(text).replace(/`([^`]+)`/g, "<code>$1</code>");
}
