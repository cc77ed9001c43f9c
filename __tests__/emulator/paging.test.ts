import { XMLParser } from 'fast-xml-parser';
import { startEmulator, type Emulator } from '../../emulator/index.js';
import { callAt, CREDS, T0, WID } from '../../test-support/emulator-calls.js';

const OTHER_WID = 'w0123456789abcdef0123456789abcdef';
const parser = new XMLParser({ parseTagValue: false, isArray: (name) => name === 'JobsDetail' });

let t = 0;
let emulator: Emulator;
const ids: string[] = [];

function call(
  path: string,
  query: Record<string, string> = {},
  method: 'GET' | 'POST' = 'GET',
  body?: string,
) {
  return callAt(emulator.url, t, { method, path, query, ...(body ? { body } : {}) });
}

async function list(query: Record<string, string> = {}) {
  const r = await call('/inventorytriggerjob', query);
  const response = parser.parse(r.text).Response ?? parser.parse(r.text);
  return {
    status: r.status,
    response,
    ids: ((response.JobsDetail ?? []) as Array<{ JobId: string }>).map((j) => j.JobId),
  };
}

// 25 jobs one minute apart from 12:00 Beijing time; every fifth on another workflow; the first five have ended.
beforeAll(async () => {
  t = T0;
  emulator = await startEmulator({
    ...CREDS,
    now: () => t,
    scheduleFor: (req) => ({
      queuedMs: 0,
      runningMs: req.name < 'job-05' ? 1000 : 3_600_000,
      final: 'Success',
    }),
  });
  for (let i = 0; i < 25; i++) {
    const name = `job-${String(i).padStart(2, '0')}`;
    const body =
      `<Request><Name>${name}</Name><Input><Object>o${i}.mp4</Object></Input>` +
      `<Operation><WorkflowIds>${i % 5 === 4 ? OTHER_WID : WID}</WorkflowIds></Operation></Request>`;
    const r = await call('/inventorytriggerjob', {}, 'POST', body);
    ids.push(parser.parse(r.text).Response.JobsDetail[0].JobId);
    t += 60_000;
  }
});
afterAll(async () => emulator.close());

describe('list paging', () => {
  it('pages newest first through nextToken, ten at a time by default, ending with an empty token', async () => {
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await list(token ? { nextToken: token } : {});
      expect(page.status).toBe(200);
      seen.push(...page.ids);
      token = page.response.NextToken || undefined;
      pages += 1;
    } while (token);
    expect(pages).toBe(3);
    expect(seen).toEqual([...ids].reverse());
  });

  it('pages oldest first with orderByTime=Asc and a chosen size', async () => {
    const first = await list({ orderByTime: 'Asc', size: '20' });
    expect(first.ids).toEqual(ids.slice(0, 20));
    const second = await list({ orderByTime: 'Asc', size: '20', nextToken: first.response.NextToken });
    expect(second.ids).toEqual(ids.slice(20));
    expect(second.response.NextToken).toBe('');
  });

  it.each([['0'], ['101'], ['ten'], ['1.5']])('refuses size=%s', async (size) => {
    const r = await list({ size });
    expect(r.status).toBe(400);
    expect(r.response.Error.Code).toBe('InvalidArgument');
  });

  it('refuses a token it did not give, or one given for the other order', async () => {
    expect((await list({ nextToken: 'bogus' })).status).toBe(400);
    const desc = await list({ size: '5' });
    expect((await list({ nextToken: desc.response.NextToken, orderByTime: 'Asc' })).status).toBe(400);
  });

  it('reads parameters in lower camel case or capitalised (the English docs write States), no other casing', async () => {
    const lower = await list({ states: 'Success', size: '100', orderByTime: 'Asc' });
    const capitalised = await list({ States: 'Success', Size: '100', OrderByTime: 'Asc' });
    expect(lower.ids).toEqual(ids.slice(0, 5));
    expect(capitalised).toMatchObject({ status: 200, ids: lower.ids });

    const shouted = await list({ STATES: 'Running' });
    expect(shouted.status).toBe(400);
    expect(shouted.response.Error.Message).toContain('STATES');
    // Signed names are lower-cased: `States` rides on the signature of `states`, and is refused as a second one.
    const both = await callAt(emulator.url, t, {
      path: '/inventorytriggerjob',
      query: { states: 'Running' },
      unsignedQuery: { States: 'Running' },
    });
    expect(both.status).toBe(400);
    expect(both.text).toContain('is given more than once');
  });
});

describe('list filters', () => {
  it('filters by state', async () => {
    expect((await list({ states: 'Success', size: '100' })).ids).toEqual(ids.slice(0, 5).reverse());
    expect((await list({ states: 'Running,Success', size: '100' })).ids).toHaveLength(25);
    expect((await list({ states: 'All', size: '100' })).ids).toHaveLength(25);
    expect((await list({ states: 'Done' })).status).toBe(400);
  });

  it('filters by workflow id, exact name and job id', async () => {
    expect((await list({ workflowId: OTHER_WID, size: '100' })).ids).toEqual([
      ids[24],
      ids[19],
      ids[14],
      ids[9],
      ids[4],
    ]);
    expect((await list({ name: 'job-07' })).ids).toEqual([ids[7]]);
    expect((await list({ name: 'job-0' })).ids).toEqual([]);
    expect((await list({ jobId: ids[3]! })).ids).toEqual([ids[3]]);
  });

  it('filters by creation time in the API form, both ends inclusive', async () => {
    const r = await list({
      startCreationTime: '2026-01-01T12:03:00+0800',
      endCreationTime: '2026-01-01T12:05:00+0800',
    });
    expect(r.ids).toEqual([ids[5], ids[4], ids[3]]);
    const utc = await list({ startCreationTime: '2026-01-01T04:23:00+0000' });
    expect(utc.ids).toEqual([ids[24], ids[23]]);
  });

  it('refuses creation times not in the API form', async () => {
    for (const time of ['2026-01-01T12:03:00Z', '2026-01-01T12:03:00+08:00', '2026-01-01 12:03:00+0800']) {
      expect((await list({ startCreationTime: time })).status).toBe(400);
    }
  });
});
