// The regular-expression engine for schema `pattern`s: RE2 (as the Kubernetes API server uses,
// in Go), which runs in time linear in the text, so a crafted value cannot stall validation.
// A pattern is compiled the first time a value is tested against it: the build-time validators
// create all of them when the server loads, and most files need only a few kinds' patterns.

import { RE2JS } from '@bufbuild/re2';

interface Pattern {
  test(text: string): boolean;
  /** ajv keys the patterns it has made by this: it must differ between patterns. */
  toString(): string;
}

function lazyPattern(source: string, flags = ''): Pattern {
  let compiled: RE2JS | undefined;
  return {
    test(text: string): boolean {
      compiled ??= RE2JS.compile(source);
      return compiled.test(text);
    },
    toString: () => `/${source}/${flags}`,
  };
}

/** An ajv `code.regExp` engine; `code` is how the build-time validators import it. */
export const linearRegExp = Object.assign(lazyPattern, {
  code: 'require("../linearRegExp").linearRegExp',
});
