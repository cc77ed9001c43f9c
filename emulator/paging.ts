/** Cursor paging: a token names the last item given, so pages stay stable while items are added. */
import { newToken } from './ids.js';

export interface Sortable {
  createdAt: number;
  seq: number;
}

interface Cursor {
  kind: string;
  order: 'Asc' | 'Desc';
  after: Sortable;
}

const compare = (a: Sortable, b: Sortable): number => a.createdAt - b.createdAt || a.seq - b.seq;

export class Pager {
  private readonly cursors = new Map<string, Cursor>();

  /** One page, or undefined when the token is not one this pager gave for this kind and order. */
  page<T extends Sortable>(
    kind: string,
    items: readonly T[],
    order: 'Asc' | 'Desc',
    size: number,
    token: string | undefined,
  ): { items: T[]; nextToken: string } | undefined {
    const sign = order === 'Asc' ? 1 : -1;
    let sorted = [...items].sort((a, b) => sign * compare(a, b));
    if (token !== undefined) {
      const cursor = this.cursors.get(token);
      if (!cursor || cursor.kind !== kind || cursor.order !== order) return undefined;
      sorted = sorted.filter((item) => sign * compare(item, cursor.after) > 0);
    }
    const page = sorted.slice(0, size);
    if (sorted.length <= size) return { items: page, nextToken: '' };
    const last = page[page.length - 1]!;
    const next = newToken();
    this.cursors.set(next, { kind, order, after: { createdAt: last.createdAt, seq: last.seq } });
    return { items: page, nextToken: next };
  }
}
