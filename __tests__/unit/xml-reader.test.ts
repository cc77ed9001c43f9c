/**
 * src/ci/xml-reader.ts against fast-xml-parser (a devDependency kept as the oracle, configured as
 * the action configured it before): the same tree for generated API-like documents, a refusal of
 * every cut-off document, and the same tree wherever both accept a broken one.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { XmlShapeError } from '../../src/ci/errors.js';
import { readXml, toPlain } from '../../src/ci/xml-reader.js';

const oracle = new XMLParser({
  parseTagValue: false,
  trimValues: false,
  htmlEntities: true,
  ignoreAttributes: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

/**
 * fast-xml-parser's tree without the text of elements that have children: indentation, or in a
 * broken document mixed content, which the API never sends and the action never reads.
 */
function tidy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(tidy);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) if (key !== '#text') out[key] = tidy(child);
  // An element with only text and a comment comes back as { '#text': … }: it is a leaf.
  return Object.keys(out).length === 0 && '#text' in value
    ? (value as Record<string, unknown>)['#text']
    : out;
}

function oracleTree(xml: string): unknown {
  const document = tidy(oracle.parse(xml)) as Record<string, unknown>;
  const [root] = Object.keys(document);
  return { [root!]: document[root!] };
}

function ourTree(xml: string): unknown {
  const root = readXml(xml);
  return { [root.name]: toPlain(root) };
}

function random(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

const NAMES = [
  'Response',
  'JobsDetail',
  'JobId',
  'State',
  'Message',
  'Input',
  'Object',
  'Name',
  'a.b',
  'x-y',
  '视频',
];
const TEXTS = [
  'Running',
  'a &amp; b',
  '&lt;tag&gt; &quot;q&quot; &apos;s&apos;',
  '&#20013;&#x6587;',
  '  spaced  ',
  '   ',
  'line\nbreak',
  'crlf\r\nline\rends',
  '<![CDATA[raw <b> & ]]>',
  '007',
  '123e4',
  '😀 emoji',
  '',
];

/** An API-like document: declaration, indentation, repeated names, comments, attributes, CDATA. */
function generateDocument(next: () => number): string {
  const pick = <T>(items: T[]): T => items[Math.floor(next() * items.length)]!;
  const indent = next() < 0.5;
  const element = (depth: number): string => {
    const name = pick(NAMES);
    const attributes = next() < 0.15 ? ` id="a>b" kind='x'` : '';
    if (depth > 3 || next() < 0.45) {
      if (next() < 0.1) return `<${name}${attributes}/>`;
      return `<${name}${attributes}>${pick(TEXTS)}</${name}>`;
    }
    const children = Array.from({ length: 1 + Math.floor(next() * 4) }, () => element(depth + 1));
    if (next() < 0.2) children.splice(1, 0, '<!-- a comment -->');
    const gap = indent ? `\n${'  '.repeat(depth + 1)}` : '';
    return `<${name}${attributes}>${children.map((c) => gap + c).join('')}${indent ? `\n${'  '.repeat(depth)}` : ''}</${name}>`;
  };
  const declaration = next() < 0.5 ? '<?xml version="1.0" encoding="UTF-8"?>\n' : '';
  return `${next() < 0.1 ? '\uFEFF' : ''}${declaration}${element(0)}${next() < 0.3 ? '\n' : ''}`;
}

describe('readXml', () => {
  it('builds the same tree as fast-xml-parser for 3,000 generated documents', () => {
    const next = random(42);
    for (let i = 0; i < 3000; i++) {
      const xml = generateDocument(next);
      expect({ xml, tree: ourTree(xml) }).toEqual({ xml, tree: oracleTree(xml) });
    }
  });

  // Stricter than fast-xml-parser's validator, which accepts `<Name id="a>b"/` cut before its `>`.
  it('refuses every cut-off prefix of a document', () => {
    const next = random(7);
    for (let i = 0; i < 150; i++) {
      const xml = generateDocument(next).trimEnd();
      for (let length = 0; length < xml.length; length++) {
        const prefix = xml.slice(0, length);
        if (prefix.trim() === '' || prefix.trim() === '\uFEFF') continue;
        expect(() => readXml(prefix)).toThrow(XmlShapeError);
      }
    }
  });

  it('refuses broken documents with a message, and reads whatever the validator accepts alike', () => {
    const next = random(99);
    let refused = 0;
    let compared = 0;
    for (let i = 0; i < 3000; i++) {
      const xml = generateDocument(next);
      // One random edit: a character removed, doubled or replaced by markup.
      const at = Math.floor(next() * xml.length);
      const edit = ['', xml[at]! + xml[at]!, '<', '>', '/', '&', '"'][Math.floor(next() * 7)]!;
      const broken = xml.slice(0, at) + edit + xml.slice(at + 1);
      let tree: unknown;
      try {
        tree = ourTree(broken);
      } catch (error) {
        expect(error).toBeInstanceOf(XmlShapeError);
        expect((error as Error).message).not.toBe('');
        refused++;
        continue;
      }
      // Accepted by both: the same tree.
      let expected: unknown;
      try {
        if (XMLValidator.validate(broken) !== true) continue;
        expected = oracleTree(broken);
      } catch {
        continue;
      }
      expect({ broken, tree }).toEqual({ broken, tree: expected });
      compared++;
    }
    expect(refused).toBeGreaterThan(1000);
    expect(compared).toBeGreaterThan(300);
  });

  it('keeps elements named like Object.prototype members as plain keys', () => {
    const plain = toPlain(
      readXml('<T><constructor>a</constructor><__proto__>b</__proto__><toString>c</toString></T>'),
    );
    expect(JSON.parse(JSON.stringify(plain))).toEqual(
      JSON.parse('{"constructor":"a","__proto__":"b","toString":"c"}'),
    );
  });

  it('refuses a document nested deeper than 100 elements, rather than exhausting the stack', () => {
    const nest = (depth: number) => '<a>'.repeat(depth) + '</a>'.repeat(depth);
    expect(() => readXml(nest(100))).not.toThrow();
    expect(() => readXml(nest(101))).toThrow(new XmlShapeError('XML nested deeper than 100 elements'));
    expect(() => readXml(nest(100_000))).toThrow(XmlShapeError);
  });

  it('refuses a DOCTYPE, so that no entity is ever expanded', () => {
    const bomb = '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaa">]><Response>&a;</Response>';
    expect(() => readXml(bomb)).toThrow(/DOCTYPE/);
  });

  it('refuses two roots, text outside the root and a mismatched closing tag, naming the problem', () => {
    expect(() => readXml('<A/><B/>')).toThrow('more than one root');
    expect(() => readXml('<A/>tail')).toThrow('text outside the root');
    expect(() => readXml('<A><B></A></B>')).toThrow('</A> where </B> was open');
    expect(() => readXml('<JobId>b1</JobIdX>')).toThrow('</JobIdX> where </JobId> was open');
    expect(() => readXml('<JobId>b1</Job>')).toThrow('</Job> where </JobId> was open');
    expect(readXml('<JobId>b1</JobId \n>').text).toBe('b1');
    expect(() => readXml('<html><body>Bad gateway')).toThrow('<body> is never closed');
    expect(() => readXml('')).toThrow('without a root');
  });
});
