// TEMPORARY home (moved into escape.ts once the lead's layout lands): XML 1.0 text and attributes.
import { clean } from './escape.js'

/**
 * What XML 1.0 cannot hold at all, even as a character reference, beyond what `clean()` already
 * removes: the noncharacters U+FFFE and U+FFFF. (Lone surrogates become U+FFFD in `clean()`.)
 */
const NOT_XML = /[\ufffe\uffff]/g
const XML_SPECIALS = /[&<>]/g
const XML_ATTRIBUTE_SPECIALS = /[&<>"'\t\n]/g
const XML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\t': '&#9;',
  '\n': '&#10;'
}

/**
 * Text inside an XML element (the JUnit file): well-formed XML 1.0 whatever the agent wrote.
 * Control characters go (XML 1.0 forbids most of them, even escaped), lone surrogates become
 * U+FFFD, `\r` becomes `\n`; `&`, `<` and `>` become entities, so `]]>` and markup are plain text.
 */
export function xmlText(text: string): string {
  return clean(text)
    .replace(NOT_XML, '\ufffd')
    .replace(XML_SPECIALS, c => XML_ENTITIES[c] as string)
}

/**
 * An XML attribute's value (between double quotes): as `xmlText`, and quotes, tabs and line
 * breaks as references, which a parser would otherwise turn into spaces.
 */
export function xmlAttribute(text: string): string {
  return clean(text)
    .replace(NOT_XML, '\ufffd')
    .replace(XML_ATTRIBUTE_SPECIALS, c => XML_ENTITIES[c] as string)
}
