// The CEL environment of the Kubernetes API server, as far as the CRDs we ship use it: the
// standard functions and macros (@bufbuild/cel, with an RE2 `matches`), the string extension
// (`split`, `substring`, …) and the Kubernetes IP library's `isIP`. Compiled programs are cached
// per rule text, so each rule is parsed once per process.

import { celEnv, celFunc, CelScalar, isCelError, parse, plan, type CelInput } from '@bufbuild/cel';
import { strings } from '@bufbuild/cel/ext';
import { isIP as nodeIsIP } from 'node:net';

/**
 * Kubernetes' `isIP(string)`: true for an IPv4 or IPv6 address without a zone. Like the API
 * server it refuses IPv4-mapped IPv6 addresses and IPv4 octets with leading zeros.
 */
export function kubernetesIsIP(text: string): boolean {
  if (text.includes('%')) return false;
  const family = nodeIsIP(text);
  if (family === 4) return !/(^|\.)0\d/.test(text);
  if (family === 6) return !/^::ffff:(\d+\.){3}\d+$/i.test(text) && !/^(0{1,4}:){5}ffff:/i.test(text);
  return false;
}

const KUBERNETES_FUNCTIONS = [celFunc('isIP', [CelScalar.STRING], CelScalar.BOOL, kubernetesIsIP)];

const environment = celEnv({ funcs: [...strings, ...KUBERNETES_FUNCTIONS] });

export type CelOutcome = { kind: 'value'; value: unknown } | { kind: 'error'; message: string };

type Program = (self: CelInput) => CelOutcome;

const programs = new Map<string, Program>();

/** The compiled program for a rule; a rule that does not compile yields its error on every call. */
export function celProgram(rule: string): Program {
  let program = programs.get(rule);
  if (!program) {
    program = compile(rule);
    programs.set(rule, program);
  }
  return program;
}

function compile(rule: string): Program {
  try {
    const run = plan(environment, parse(rule));
    return (self) => {
      try {
        const value = run({ self });
        return isCelError(value) ? { kind: 'error', message: value.message } : { kind: 'value', value };
      } catch (error) {
        return { kind: 'error', message: error instanceof Error ? error.message : String(error) };
      }
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return () => ({ kind: 'error', message: `does not compile: ${message}` });
  }
}
