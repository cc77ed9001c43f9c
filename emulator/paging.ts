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

  /** Where a token says to go on from; undefined when this pager did not give it for this kind and order. */
  resume(kind: string, order: 'Asc' | 'Desc', token: string): Sortable | undefined {
    const cursor = this.cursors.get(token);
    return cursor && cursor.kind === kind && cursor.order === order ? cursor.after : undefined;
  }

  /** A new token that goes on after `last`. */
  issue(kind: string, order: 'Asc' | 'Desc', last: Sortable): string {
    const next = newToken();
    this.cursors.set(next, { kind, order, after: { createdAt: last.createdAt, seq: last.seq } });
    return next;
  }

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
      const after = this.resume(kind, order, token);
      if (!after) return undefined;
      sorted = sorted.filter((item) => sign * compare(item, after) > 0);
    }
    const page = sorted.slice(0, size);
    if (sorted.length <= size) return { items: page, nextToken: '' };
    return { items: page, nextToken: this.issue(kind, order, page[page.length - 1]!) };
  }
}
