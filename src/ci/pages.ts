/** One page of a list call: its items and the cursor to the next (empty on the last page). */
export interface Page<T> {
  items: T[];
  nextToken: string;
}

/**
 * Follows `nextToken` page by page. Stops on the last page, on an empty page, and on a token seen
 * before: a service that hands out the same cursor again would otherwise be asked forever. The
 * caller stops early by leaving the loop (`limit`, a deadline).
 */
export async function* pages<T>(
  fetchPage: (nextToken: string) => Promise<Page<T>>,
  onRepeatedToken?: (token: string) => void,
): AsyncGenerator<T[], void, undefined> {
  const seen = new Set<string>();
  let token = '';
  for (;;) {
    const page = await fetchPage(token);
    if (page.items.length === 0) return;
    yield page.items;
    if (!page.nextToken) return;
    if (seen.has(page.nextToken)) return onRepeatedToken?.(page.nextToken);
    seen.add(page.nextToken);
    token = page.nextToken;
  }
}
