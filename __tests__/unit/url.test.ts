import { encodeCos, requestUrl } from '../../src/ci/url.js';

describe('encodeCos', () => {
  it('keeps only A-Z a-z 0-9 - _ . ~ and writes upper-case hex of the UTF-8 bytes', () => {
    expect(encodeCos("AZaz09-_.~ !'()*+&=/%")).toBe('AZaz09-_.~%20%21%27%28%29%2A%2B%26%3D%2F%25');
    expect(encodeCos('腾讯云😀')).toBe('%E8%85%BE%E8%AE%AF%E4%BA%91%F0%9F%98%80');
  });

  it('sends a space in a query value as %20 and a plus as %2B, never a bare +', () => {
    const url = requestUrl(new URL('http://127.0.0.1:9460'), {
      method: 'POST',
      path: '/triggerworkflow',
      query: { object: 'clips/a b+c.mp4' },
    });
    expect(url.search).toBe('?object=clips%2Fa%20b%2Bc.mp4');
  });

  it('refuses a lone surrogate rather than signing a replacement character', () => {
    expect(() => encodeCos('\ud800')).toThrow(URIError);
  });
});

describe('requestUrl', () => {
  const endpoint = new URL('https://media-1250000000.ci.ap-guangzhou.myqcloud.com/');

  it('encodes each path segment and keeps the slashes between them', () => {
    const url = requestUrl(endpoint, { method: 'GET', path: '/inventorytriggerjob/a b#c' });
    expect(url.href).toBe(
      'https://media-1250000000.ci.ap-guangzhou.myqcloud.com/inventorytriggerjob/a%20b%23c',
    );
  });

  it('sends an empty value as a bare sub-resource and leaves undefined values out', () => {
    const url = requestUrl(endpoint, {
      method: 'PUT',
      path: '/inventorytriggerjob/b1',
      query: { cancel: '', name: undefined },
    });
    expect(url.search).toBe('?cancel');
  });

  it('joins an endpoint given with trailing slashes without doubling them, and keeps its port', () => {
    const url = requestUrl(new URL('http://127.0.0.1:9460//'), { method: 'GET', path: '/jobs/j1' });
    expect(url.href).toBe('http://127.0.0.1:9460/jobs/j1');
  });
});
