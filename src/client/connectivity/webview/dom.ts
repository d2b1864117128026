/// <reference lib="dom" />
// Small DOM helpers for the connectivity webview: elements built from data, never from HTML text,
// so nothing from a manifest (names, labels, messages) is ever parsed as markup.

import type { ProtocolLocation } from '../../../shared/protocol';

type Child = Node | string | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  for (const child of children) if (child !== undefined && child !== false) element.append(child);
  return element;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

export function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | number> = {},
  ...children: Child[]
): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  for (const child of children) if (child !== undefined && child !== false) element.append(child);
  return element;
}

/** Makes an element act as a button for mouse and keyboard (Enter and Space), with a label. */
export function activatable(element: Element, label: string, action: () => void): void {
  element.setAttribute('tabindex', '0');
  element.setAttribute('role', 'button');
  element.setAttribute('aria-label', label);
  element.addEventListener('click', (event) => {
    event.stopPropagation();
    action();
  });
  element.addEventListener('keydown', (event) => {
    const key = (event as KeyboardEvent).key;
    if (key === 'Enter' || key === ' ') {
      event.preventDefault();
      action();
    }
  });
}

/** `api.yaml:12`: a location as people read it (1-based line, the file's name). */
export function locationText(location: ProtocolLocation): string {
  const last = location.uri.slice(location.uri.lastIndexOf('/') + 1);
  let name = last;
  try {
    name = decodeURIComponent(last);
  } catch {
    // Not encoded: as it is.
  }
  return `${name}:${location.line + 1}`;
}

/** `shop/web[Deployment]` → `web`; an IP range stays as it is. */
export function shortName(id: string): string {
  const slash = id.indexOf('/');
  const bracket = id.lastIndexOf('[');
  if (id.endsWith('[External]') || slash === -1 || bracket < slash) return id.replace(/\[External\]$/, '');
  return id.slice(slash + 1, bracket);
}
