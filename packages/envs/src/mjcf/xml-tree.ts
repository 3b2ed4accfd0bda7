// Parses XML text with saxes into a small element tree that keeps the line of every element and attribute.
import { SaxesParser } from 'saxes';
import { MjcfError } from './mjcf-error.js';

/** One attribute as written in the source. */
export interface XmlAttribute {
  value: string;
  line: number;
}

/** One XML element: its tag, attributes (with lines), children in document order and its line. */
export interface XmlElement {
  name: string;
  line: number;
  attributes: Map<string, XmlAttribute>;
  children: XmlElement[];
  /** Non-whitespace character data directly inside the element (MJCF uses none; kept to reject it). */
  text: string;
}

/** Parses `xml` into its root element; a syntax error becomes an MjcfError naming the line. */
export function parseXmlTree(xml: string): XmlElement {
  const parser = new SaxesParser({ xmlns: false, position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let pending: XmlElement | undefined;

  parser.on('opentagstart', (tag) => {
    pending = { name: tag.name, line: parser.line, attributes: new Map(), children: [], text: '' };
  });
  parser.on('attribute', (attribute) => {
    if (pending) pending.attributes.set(attribute.name, { value: attribute.value, line: parser.line });
  });
  parser.on('opentag', () => {
    const element = pending;
    pending = undefined;
    if (!element) return;
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(element);
    else root = element;
    stack.push(element);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.on('text', (text) => {
    const parent = stack[stack.length - 1];
    if (parent && text.trim() !== '') parent.text += text.trim();
  });
  try {
    parser.write(xml).close();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const element = stack[stack.length - 1]?.name ?? 'xml';
    throw new MjcfError({ element, line: parser.line }, `malformed XML: ${message}`);
  }
  if (!root) throw new MjcfError({ element: 'xml', line: 1 }, 'expected a <mujoco> root element, received no element');
  return root;
}

/** Throws when `element` has child elements (MJCF leaf elements such as <geom> have none). */
export function expectNoChildren(element: XmlElement): void {
  const child = element.children[0];
  if (child) throw new MjcfError({ element: child.name, line: child.line }, `unexpected element inside <${element.name}>`);
}
