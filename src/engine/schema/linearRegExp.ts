// The regular-expression engine for schema `pattern`s: RE2 (as the Kubernetes API server uses,
// in Go), which runs in time linear in the text, so a crafted value cannot stall validation.

import { RE2JS } from '@bufbuild/re2';

/** An ajv `code.regExp` engine; `code` is how the build-time validators import it. */
export const linearRegExp = Object.assign(
  (pattern: string): { test(text: string): boolean } => RE2JS.compile(pattern),
  {
    code: 'require("../linearRegExp").linearRegExp',
  },
);
