// What the user typed in the tag box → the clip's tags: split on commas, 、，and whitespace, trimmed, deduped, in order.
export function parseTags(input: string): string[] {
  const seen = new Set<string>();
  for (const raw of input.split(/[,，、;；\s]+/u)) {
    const tag = raw.trim().replace(/^#/, '');
    if (tag) seen.add(tag);
  }
  return [...seen];
}
