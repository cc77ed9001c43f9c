import { createHash } from 'node:crypto';
import COS from 'cos-nodejs-sdk-v5';
import { sign } from '../../emulator/signature.js';

const sha1 = (s: string) => createHash('sha1').update(s).digest('hex');

describe('the signing algorithm, against the worked examples of the documentation', () => {
  const key = 'BQYIM75p8x0iWVFSIgqEKwFprpRSVHlz';
  const host = 'examplebucket-1250000000.cos.ap-beijing.myqcloud.com';

  it('reproduces example 1 (PUT, seven signed headers, no query)', () => {
    const signed = sign(key, {
      method: 'PUT',
      path: '/exampleobject(腾讯云)',
      params: [],
      headers: [
        ['Date', 'Thu, 16 May 2019 06:45:51 GMT'],
        ['Host', host],
        ['Content-Type', 'text/plain'],
        ['Content-Length', '13'],
        ['Content-MD5', 'mQ/fVh815F3k6TAUm8m0eg=='],
        ['x-cos-acl', 'private'],
        ['x-cos-grant-read', 'uin="100000000011"'],
      ],
      keyTime: '1557989151;1557996351',
    });
    expect(signed.signKey).toBe('eb2519b498b02ac213cb1f3d1a3d27a3b3c9bc5f');
    expect(signed.headerList).toBe(
      'content-length;content-md5;content-type;date;host;x-cos-acl;x-cos-grant-read',
    );
    expect(signed.httpString.split('\n')[3]).toBe(
      'content-length=13&content-md5=mQ%2FfVh815F3k6TAUm8m0eg%3D%3D&content-type=text%2Fplain&date=Thu%2C%2016%20May%202019%2006%3A45%3A51%20GMT&host=examplebucket-1250000000.cos.ap-beijing.myqcloud.com&x-cos-acl=private&x-cos-grant-read=uin%3D%22100000000011%22',
    );
    expect(sha1(signed.httpString)).toBe('8b2751e77f43a0995d6e9eb9477f4b685cca4172');
    expect(signed.signature).toBe('3b8851a11a569213c17ba8fa7dcf2abec6935172');
  });

  it('reproduces example 2 (GET with two signed query parameters)', () => {
    const signed = sign(key, {
      method: 'GET',
      path: '/exampleobject(腾讯云)',
      params: [
        ['response-content-type', 'application/octet-stream'],
        ['response-cache-control', 'max-age=600'],
      ],
      headers: [
        ['Date', 'Thu, 16 May 2019 06:55:53 GMT'],
        ['Host', host],
      ],
      keyTime: '1557989753;1557996953',
    });
    expect(signed.signKey).toBe('937914bf490e9e8c189836aad2052e4feeb35eaf');
    expect(signed.paramList).toBe('response-cache-control;response-content-type');
    expect(signed.httpString.split('\n')[2]).toBe(
      'response-cache-control=max-age%3D600&response-content-type=application%2Foctet-stream',
    );
    expect(signed.headerList).toBe('date;host');
    expect(sha1(signed.httpString)).toBe('54ecfe22f59d3514fdc764b87a32d8133ea611e6');
    expect(signed.signature).toBe('01681b8c9d798a678e43b685a9f1bba0f6c0e012');
  });

  it('agrees with the official SDK on keys full of special characters', () => {
    const query = {
      workflowId: 'w7476ff3564ee45b7b490d64bccaba6cc',
      object: "dir/a b+c&d=e~!*()'%中文.mp4",
      name: 'x',
    };
    const headers = {
      host: '127.0.0.1:9460',
      'content-type': 'application/xml',
      'x-ci-security-token': 'tok en',
    };
    const keyTime = '1700000000;1700000900';
    const sdk = COS.getAuthorization({
      SecretId: 'id',
      SecretKey: 'k',
      Method: 'POST',
      Pathname: '/triggerworkflow',
      Query: query,
      Headers: headers,
      KeyTime: keyTime,
    });
    const ours = sign('k', {
      method: 'POST',
      path: '/triggerworkflow',
      params: Object.entries(query),
      headers: Object.entries(headers),
      keyTime,
    });
    expect(sdk).toContain(`q-signature=${ours.signature}`);
    expect(sdk).toContain(`q-url-param-list=${ours.paramList}&`);
  });
});
