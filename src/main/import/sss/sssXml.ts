/**
 * A small, typed XML tree over fast-xml-parser. Triple-S labels mix text and elements in one
 * element (`<value code="1">Monday<text xml:lang="fr">Lundi</text></value>`), which only the
 * parser's order-preserving output keeps apart, and that output is untyped; this module checks its
 * shape once so the metadata reader works on plain elements and strings.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ApiError } from '../../../shared/api/apiTypes';

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
}

export type XmlNode = XmlElement | string;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toAttributes(value: unknown): Record<string, string> {
  const attributes: Record<string, string> = {};
  if (!isRecord(value)) return attributes;
  for (const [key, attribute] of Object.entries(value)) {
    if (typeof attribute === 'string') attributes[key] = attribute;
    else if (typeof attribute === 'number' || typeof attribute === 'boolean')
      attributes[key] = String(attribute);
  }
  return attributes;
}

function toNodes(value: unknown): XmlNode[] {
  if (!Array.isArray(value)) return [];
  const nodes: XmlNode[] = [];
  for (const item of value as unknown[]) {
    if (!isRecord(item)) continue;
    for (const [key, content] of Object.entries(item)) {
      if (key === ':@') continue;
      if (key === '#text') {
        if (content !== undefined && content !== null) nodes.push(String(content));
        continue;
      }
      nodes.push({ name: key, attributes: toAttributes(item[':@']), children: toNodes(content) });
    }
  }
  return nodes;
}

/** Parses a whole document and returns its root element; malformed XML names line and column. */
export function parseXml(file: string, text: string): XmlElement {
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    const { line, col, msg } = valid.err;
    throw new ApiError(
      'invalid-input',
      `${file}: line ${line}, column ${col}: malformed XML: ${msg}`,
    );
  }
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
    processEntities: true,
    // Character references (&#233;) and the odd HTML entity some exporters write.
    htmlEntities: true,
  });
  const parsed: unknown = parser.parse(text);
  const root = toNodes(parsed).find((node): node is XmlElement => typeof node !== 'string');
  if (root === undefined) throw new ApiError('invalid-input', `${file}: no XML element found`);
  return root;
}

export function childElements(element: XmlElement, name?: string): XmlElement[] {
  return element.children.filter(
    (node): node is XmlElement =>
      typeof node !== 'string' && (name === undefined || node.name === name),
  );
}

export function firstChild(element: XmlElement, name: string): XmlElement | undefined {
  return childElements(element, name)[0];
}

/** All text inside an element, elements included, with surrounding whitespace trimmed. */
export function textContent(element: XmlElement): string {
  const parts: string[] = [];
  const walk = (node: XmlNode): void => {
    if (typeof node === 'string') parts.push(node);
    else node.children.forEach(walk);
  };
  element.children.forEach(walk);
  return parts.join('').trim();
}
