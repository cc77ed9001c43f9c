/**
 * What `npm run contract` keeps of each exchange: the answer as received, with everything that
 * names the account or could sign a request replaced by a placeholder, and an index of the calls
 * (README › Pointing it at the real service). The action's client sends; this only listens.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { errorMessage } from '../src/ci/errors.js';
import type { HttpAnswer, HttpRequest, Transport } from '../src/ci/http.js';

/** One exchange as sent and answered; `answer` is missing when none came (a reset, a time-out). */
export interface Exchange {
  call: string;
  request: HttpRequest;
  answer?: HttpAnswer;
  error?: string;
}

/** Puts every exchange the client makes under the name of the call in progress. */
export class Recorder {
  readonly exchanges: Exchange[] = [];
  private current = '';

  constructor(private readonly inner: Transport) {}

  readonly transport: Transport = async (request) => {
    const exchange: Exchange = { call: this.current, request };
    this.exchanges.push(exchange);
    try {
      exchange.answer = await this.inner(request);
      return exchange.answer;
    } catch (error) {
      exchange.error = errorMessage(error);
      throw error;
    }
  };

  /** Drops the exchanges of `call` kept so far. */
  forget(call: string): void {
    for (let i = this.exchanges.length - 1; i >= 0; i--)
      if (this.exchanges[i]!.call === call) this.exchanges.splice(i, 1);
  }

  /** Runs `send` as `call`: its exchanges are kept under that name. */
  async as<T>(call: string, send: () => Promise<T>): Promise<T> {
    this.current = call;
    try {
      return await send();
    } finally {
      this.current = '';
    }
  }
}

/** What names the account or signs for it; each is replaced wherever it appears. */
export interface Sensitive {
  bucket: string;
  secretId: string;
  secretKey: string;
  sessionToken?: string;
}

/** The docs' own placeholders, so that a recorded answer reads like a sample of the docs. */
export const PLACEHOLDER = {
  bucketName: 'examplebucket',
  appId: '1250000000',
  accountId: '100000000001',
  secretId: 'AKIDEXAMPLE',
  secret: 'REDACTED',
} as const;

/** The headers worth keeping: the answer's kind and request id, its date and any Retry-After. */
const KEPT_HEADERS = ['content-type', 'date', 'retry-after', 'server', 'x-ci-request-id', 'x-cos-request-id'];
const REQUEST_ID_HEADERS = ['x-ci-request-id', 'x-cos-request-id', 'x-cos-trace-id'];
/** Request ids and trace ids inside XML and JSON bodies. */
const BODY_IDS = [
  /<(?:RequestId|TraceId)>([^<]+)<\/(?:RequestId|TraceId)>/g,
  /"(?:RequestId|request_id|requestId|TraceId)"\s*:\s*"([^"]+)"/g,
];

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const headerText = (value: string | string[] | undefined) =>
  Array.isArray(value) ? value.join(', ') : value;

/**
 * Replaces, in this order: the keys and token; request and trace ids with `REQUEST-ID-<n>` (the
 * same id, the same number, in bodies and headers alike); the bucket (`name-appid`) with the docs'
 * `examplebucket-1250000000` and its appid alone with `1250000000`; and any other run of nine or
 * more digits (an account id, a UIN) with `100000000001`. The bucket's name alone is left: it is
 * often a plain word, which messages may hold too.
 */
export function redactor(sensitive: Sensitive, exchanges: readonly Exchange[]): (text: string) => string {
  const appId = sensitive.bucket.slice(sensitive.bucket.lastIndexOf('-') + 1);
  const ids = new Map<string, string>();
  for (const { answer } of exchanges) {
    if (!answer) continue;
    const found = REQUEST_ID_HEADERS.map((name) => headerText(answer.headers[name]) ?? '');
    for (const pattern of BODY_IDS) for (const match of answer.body.matchAll(pattern)) found.push(match[1]!);
    for (const id of found) if (id && !ids.has(id)) ids.set(id, `REQUEST-ID-${ids.size + 1}`);
  }
  const literal: Array<[string, string]> = [
    [sensitive.secretKey, PLACEHOLDER.secret],
    ...(sensitive.sessionToken ? [[sensitive.sessionToken, PLACEHOLDER.secret] as [string, string]] : []),
    [sensitive.secretId, PLACEHOLDER.secretId],
    ...[...ids].sort(([a], [b]) => b.length - a.length),
    [sensitive.bucket, `${PLACEHOLDER.bucketName}-${PLACEHOLDER.appId}`],
  ];
  return (text) => {
    let out = text;
    for (const [value, placeholder] of literal)
      if (value) out = out.replace(new RegExp(escapeRegExp(value), 'g'), placeholder);
    if (appId)
      out = out.replace(
        new RegExp(`(?<![0-9A-Za-z])${escapeRegExp(appId)}(?![0-9A-Za-z])`, 'g'),
        PLACEHOLDER.appId,
      );
    // A run of digits on its own: not one inside an id such as w0123456789abcdef….
    return out.replace(/(?<![0-9A-Za-z])\d{9,}(?![0-9A-Za-z])/g, (digits) =>
      digits === PLACEHOLDER.appId ? digits : PLACEHOLDER.accountId,
    );
  };
}

/** One line of `index.json`: a call, where its answer is, and what of it matters. */
export interface IndexEntry {
  call: string;
  /** The answer's body, as received but for the placeholders; absent when no answer came. */
  file?: string;
  method: string;
  path: string;
  query: Record<string, string>;
  /** The request's headers, Authorization and the session token left out. */
  sent: Record<string, string>;
  status?: number;
  headers?: Record<string, string>;
  /** Why no answer came. */
  error?: string;
}

export interface RecordedSet {
  /** What answered, in words: the README of the folder says it too. */
  source: string;
  recordedAt: string;
  calls: IndexEntry[];
}

const fileName = (index: number, call: string, answer: HttpAnswer) => {
  const type = headerText(answer.headers['content-type']) ?? '';
  const extension = type.includes('json') ? 'json' : type.includes('html') ? 'html' : 'xml';
  const words = call
    .replace(/([a-z])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/-$/, '');
  return `${String(index + 1).padStart(2, '0')}-${words}.${extension}`;
};

/** Writes one file per answer, `index.json` and a README saying where the answers came from. */
export function writeRecordedSet(
  folder: string,
  exchanges: readonly Exchange[],
  sensitive: Sensitive,
  about: { source: string; recordedAt: Date },
): RecordedSet {
  const redact = redactor(sensitive, exchanges);
  mkdirSync(folder, { recursive: true });
  const calls = exchanges.map((exchange, index): IndexEntry => {
    const { request, answer } = exchange;
    const sent = Object.fromEntries(
      Object.entries(request.headers)
        .filter(([name]) => !['authorization', 'x-ci-security-token', 'x-cos-security-token'].includes(name))
        .map(([name, value]) => [name, redact(value)]),
    );
    const entry: IndexEntry = {
      call: exchange.call,
      method: request.method,
      path: redact(request.url.pathname),
      query: Object.fromEntries([...request.url.searchParams].map(([k, v]) => [k, redact(v)])),
      sent,
    };
    if (!answer) return { ...entry, error: redact(exchange.error ?? 'no answer') };
    const file = fileName(index, exchange.call, answer);
    writeFileSync(join(folder, file), redact(answer.body));
    const headers: Record<string, string> = {};
    for (const name of KEPT_HEADERS) {
      const value = headerText(answer.headers[name]);
      if (value !== undefined) headers[name] = redact(value);
    }
    return { ...entry, file, status: answer.status, headers };
  });
  const set: RecordedSet = { source: about.source, recordedAt: about.recordedAt.toISOString(), calls };
  writeFileSync(join(folder, 'index.json'), `${JSON.stringify(set, null, 2)}\n`);
  writeFileSync(
    join(folder, 'README.md'),
    `# Answers recorded by \`npm run contract\`\n\n` +
      `${about.source}, on ${set.recordedAt}. One file per answer, as received, but for the placeholders ` +
      `(\`examplebucket-1250000000\`, \`REQUEST-ID-<n>\`, \`100000000001\`, \`AKIDEXAMPLE\`); ` +
      '`index.json` lists the calls in order, with what was sent, the status and the headers that matter.\n',
  );
  return set;
}
