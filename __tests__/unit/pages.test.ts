import { describe, expect, it } from '@jest/globals';
import { pages, type Page } from '../../src/ci/pages.js';

/** A list call that answers the page given for each token, and records the tokens asked for. */
function listCall(answers: Record<string, Page<number>>) {
  const asked: string[] = [];
  const fetchPage = async (token: string) => {
    asked.push(token);
    const page = answers[token];
    if (!page) throw new Error(`no page for token '${token}'`);
    return page;
  };
  return { fetchPage, asked };
}

async function read(listing: AsyncGenerator<number[]>): Promise<number[][]> {
  const read: number[][] = [];
  for await (const page of listing) read.push(page);
  return read;
}

describe('pages', () => {
  it('follows nextToken from the first page to the last, the one without a token', async () => {
    const call = listCall({
      '': { items: [1, 2], nextToken: 'a' },
      a: { items: [3], nextToken: 'b' },
      b: { items: [4], nextToken: '' },
    });
    expect(await read(pages(call.fetchPage))).toEqual([[1, 2], [3], [4]]);
    expect(call.asked).toEqual(['', 'a', 'b']);
  });

  it('stops at an empty page, even one that carries a token', async () => {
    const call = listCall({ '': { items: [1], nextToken: 'a' }, a: { items: [], nextToken: 'b' } });
    expect(await read(pages(call.fetchPage))).toEqual([[1]]);
    expect(call.asked).toEqual(['', 'a']);
  });

  it('stops at a token it was given before, after that page, and says which token', async () => {
    const repeated: string[] = [];
    const call = listCall({
      '': { items: [1], nextToken: 'a' },
      a: { items: [2], nextToken: 'b' },
      b: { items: [3], nextToken: 'a' },
    });
    expect(await read(pages(call.fetchPage, (token) => repeated.push(token)))).toEqual([[1], [2], [3]]);
    expect(call.asked).toEqual(['', 'a', 'b']);
    expect(repeated).toEqual(['a']);
  });

  it('asks for no further page once the caller leaves the loop', async () => {
    const call = listCall({ '': { items: [1], nextToken: 'a' }, a: { items: [2], nextToken: '' } });
    for await (const _page of pages(call.fetchPage)) break;
    expect(call.asked).toEqual(['']);
  });
});
