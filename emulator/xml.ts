import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';

/** A parsed element: text, or children by name (an array when a name repeats). */
export type XmlValue = string | XmlElement;
export interface XmlElement {
  [name: string]: XmlValue | XmlValue[];
}

// Values stay strings and keep their spaces: an object key may start or end with a space.
const parser = new XMLParser({
  ignoreAttributes: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  parseTagValue: false,
  trimValues: false,
  processEntities: true,
  htmlEntities: true,
});

const builder = new XMLBuilder({ suppressEmptyNode: false, processEntities: true });

const BAD_REFERENCE = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/;

export type ParsedDocument = { ok: true; root: string; value: XmlValue } | { ok: false; message: string };

export function parseDocument(text: string): ParsedDocument {
  if (!text.trim()) return { ok: false, message: 'The request body is empty.' };
  const valid = XMLValidator.validate(text);
  if (valid !== true) return { ok: false, message: `The XML is malformed: ${valid.err.msg}` };
  // XML knows five named entities; the parser would also decode HTML ones such as &nbsp;.
  if (BAD_REFERENCE.test(text.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, ''))) {
    return { ok: false, message: 'The XML is malformed: undefined entity or bare "&".' };
  }
  const doc = parser.parse(text) as XmlElement;
  const roots = Object.keys(doc).filter((k) => k !== '#text');
  if (roots.length !== 1 || Array.isArray(doc[roots[0]!])) {
    return { ok: false, message: 'The XML must have exactly one root element.' };
  }
  return { ok: true, root: roots[0]!, value: doc[roots[0]!] as XmlValue };
}

export function buildXml(doc: Record<string, unknown>): string {
  return builder.build(doc) as string;
}

/**
 * The documented `<Error>`, with COS's `<Resource>` (the host and path asked for): the Python SDK
 * reads an error's code only when all of Code, Message, Resource and RequestId are there.
 */
export function errorXml(code: string, message: string, requestId: string, resource: string): string {
  return buildXml({
    Error: { Code: code, Message: message, Resource: resource, RequestId: requestId, TraceId: requestId },
  });
}
