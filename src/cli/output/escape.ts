// Text for a terminal: a file name or message may hold control characters (an escape sequence can
// recolour or rewrite the terminal, a newline can fake an output line) and bidirectional overrides
// (which reorder what the reader sees). They are written as visible escapes instead.

// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

export function escapeControls(text: string): string {
  return text.replace(UNSAFE, (char) => {
    const named = NAMED[char];
    if (named) return named;
    const code = char.charCodeAt(0);
    return code <= 0xff
      ? `\\x${code.toString(16).padStart(2, '0')}`
      : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** A file name quoted for a one-line message. */
export function displayName(file: string): string {
  return `"${escapeControls(file)}"`;
}
