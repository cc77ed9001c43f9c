/**
 * Reads the XML the API answers with: elements and their text, nothing else kept. Written for this
 * action rather than taken from fast-xml-parser because a status check parses one answer per poll:
 * fast-xml-parser allocates ~65 KB to read a 700-byte answer, this reader ~3 KB, which is what lets
 * a long wait stay flat in memory (README › Performance). A unit test holds it to fast-xml-parser
 * on thousands of generated documents.
 *
 * Not a general XML parser on purpose: no DTD (refused, and with it any entity expansion), no
 * namespaces; attributes are skipped. What it must get right is what decides whether an answer can be
 * trusted: every element closed by its own name, one root, nothing cut off.
 */
import { XmlShapeError } from './errors.js';

export interface XmlElement {
  name: string;
  children: XmlElement[];
  /** A leaf's text, entities decoded. Not meaningful for an element with children: the API never mixes them. */
  text: string;
}

const ENTITY = /&(?:#x([0-9a-fA-F]+)|#([0-9]+)|(lt|gt|amp|quot|apos));/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
/** An XML name, loosely: what may follow `<` and what must follow `</`. */
const NAME = /^[A-Za-z_:\u00C0-\uFFFF][\w.:\-\u00B7\u00C0-\uFFFF]*$/u;

/** Where reading stands: the open elements, innermost last, and the root once seen. */
interface Reading {
  source: string;
  stack: XmlElement[];
  root?: XmlElement;
}

/** Throws XmlShapeError unless `source` is a well-formed document with a single root element. */
export function readXml(source: string): XmlElement {
  const reading: Reading = { source, stack: [] };
  let at = source.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (at < source.length) {
    const open = source.indexOf('<', at);
    const textEnd = open === -1 ? source.length : open;
    if (textEnd > at) readText(reading, at, textEnd);
    if (open === -1) break;
    at = readMarkup(reading, open);
  }
  const unclosed = reading.stack.at(-1);
  if (unclosed) throw new XmlShapeError(`not well-formed XML: <${unclosed.name}> is never closed (cut off?)`);
  if (!reading.root) throw new XmlShapeError('XML without a root element');
  return reading.root;
}

/**
 * An element as plain JSON, shaped as fast-xml-parser shapes it: text for a leaf, an object of
 * children otherwise, an array where a name repeats.
 */
export function toPlain(element: XmlElement): unknown {
  if (element.children.length === 0) return element.text;
  // No prototype: an element named `constructor` or `__proto__` is a key like any other.
  const plain: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const child of element.children) {
    const value = toPlain(child);
    const seen = plain[child.name];
    // toPlain never returns an array, so an array here is a name already seen twice.
    if (seen === undefined) plain[child.name] = value;
    else if (Array.isArray(seen)) seen.push(value);
    else plain[child.name] = [seen, value];
  }
  return plain;
}

/** Reads the markup that starts at `open` (a `<`); returns where the next text starts. */
function readMarkup(reading: Reading, open: number): number {
  const { source, stack } = reading;
  if (source.startsWith('<!--', open)) return after(source, '-->', open + 4, 'a comment');
  if (source.startsWith('<![CDATA[', open)) {
    const end = after(source, ']]>', open + 9, 'a CDATA section');
    addText(stack, normalizeLineEnds(source.slice(open + 9, end - 3)));
    return end;
  }
  if (source.startsWith('<?', open)) return after(source, '?>', open + 2, 'a declaration');
  if (source.startsWith('<!', open)) throw new XmlShapeError('XML with a DOCTYPE, which the API never sends');

  const close = tagEnd(source, open + 1);
  if (source.charCodeAt(open + 1) === SLASH) {
    const element = stack.pop();
    // Compared in place: a status check reads some thirty closing tags per answer.
    const nameEnd = open + 2 + (element?.name.length ?? 0);
    if (!element || !source.startsWith(element.name, open + 2) || !isBlank(source, nameEnd, close)) {
      const name = source.slice(open + 2, close).trimEnd();
      throw new XmlShapeError(
        `not well-formed XML: </${name}> where ${element ? `</${element.name}>` : 'no element'} was open`,
      );
    }
    return close + 1;
  }
  const selfClosing = source.charCodeAt(close - 1) === SLASH;
  let nameEnd = open + 1;
  while (nameEnd < close && !isSpace(source.charCodeAt(nameEnd)) && source.charCodeAt(nameEnd) !== SLASH)
    nameEnd++;
  const name = source.slice(open + 1, nameEnd);
  if (!NAME.test(name))
    throw new XmlShapeError(`not well-formed XML: <${name.slice(0, 40)}> is not an element`);
  const element: XmlElement = { name, children: [], text: '' };
  const parent = stack.at(-1);
  if (parent) parent.children.push(element);
  else if (reading.root) throw new XmlShapeError('XML with more than one root element');
  else reading.root = element;
  if (!selfClosing) stack.push(element);
  if (stack.length > MAX_DEPTH) throw new XmlShapeError(`XML nested deeper than ${MAX_DEPTH} elements`);
  return close + 1;
}

/**
 * Text between `at` and `end`. Whitespace that only separates elements (indentation) is not kept:
 * nothing reads a container's text, and it would be most of what a status check allocates.
 */
function readText(reading: Reading, at: number, end: number): void {
  const { source, stack } = reading;
  if (isBlank(source, at, end)) {
    const element = stack.at(-1);
    const beforeChild = end < source.length && isNameStart(source.charCodeAt(end + 1));
    if (!element || element.children.length > 0 || beforeChild) return;
  }
  const raw = normalizeLineEnds(source.slice(at, end));
  addText(stack, raw.includes('&') ? decodeEntities(raw) : raw);
}

/** XML 1.0 §2.11: a parser reads CR LF and a lone CR as LF. */
function normalizeLineEnds(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

function addText(stack: XmlElement[], text: string): void {
  const element = stack.at(-1);
  if (!element) throw new XmlShapeError('not well-formed XML: text outside the root element');
  element.text += text;
}

const SLASH = 0x2f;
/** The API nests a few levels; a document far deeper is not an answer, and would exhaust the stack. */
const MAX_DEPTH = 100;

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}

function isBlank(source: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isSpace(source.charCodeAt(i))) return false;
  return true;
}

/** What may follow `<` to open an element (the NAME check decides the rest). */
function isNameStart(code: number): boolean {
  return code !== SLASH && code !== 0x21 /* ! */ && code !== 0x3f /* ? */ && !Number.isNaN(code);
}

/**
 * The five XML entities and numeric references; anything else stays as it was written. (HTML names
 * such as `&nbsp;`, which fast-xml-parser's `htmlEntities` decoded, are not XML without a DTD.)
 */
function decodeEntities(text: string): string {
  return text.replace(ENTITY, (whole, hex?: string, decimal?: string, named?: string) => {
    if (named) return NAMED[named] ?? whole;
    const code = parseInt(hex ?? decimal ?? '', hex ? 16 : 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** Index just past `terminator`, searched from `from`. */
function after(source: string, terminator: string, from: number, what: string): number {
  const end = source.indexOf(terminator, from);
  if (end === -1) throw new XmlShapeError(`not well-formed XML: ${what} is never closed (cut off?)`);
  return end + terminator.length;
}

/** Index of the `>` that ends the tag starting at `from`; a `>` inside a quoted attribute does not. */
function tagEnd(source: string, from: number): number {
  let quote = 0;
  for (let i = from; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 0x22 || c === 0x27) quote = c;
    else if (c === 0x3e) return i;
    else if (c === 0x3c) break;
  }
  throw new XmlShapeError('not well-formed XML: a tag is never closed (cut off?)');
}
