// Command-line parsing shared by the file-reading commands: `--flag value` and `--flag=value`,
// `--` to end the options (so a file may be called `-x.yaml`), `-` for standard input, and the
// validation settings flags gathered for the shared settings parser.

import { RULE_LEVELS } from '../engine';
import type { RawSettings } from '../shared/settings';
import { UsageError } from './io';
import { displayName } from './output/escape';

export interface OptionHandler {
  /** Handles one option; `value()` takes its value (inline or the next argument). False: unknown. */
  (flag: string, value: () => string): boolean;
}

/** Walks the arguments, giving options to `onOption` and everything else to `onPath`. */
export function walkArgs(
  args: string[],
  onOption: OptionHandler,
  onPath: (path: string) => void,
  help: string,
): void {
  let optionsEnded = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (optionsEnded || arg === '-' || !arg.startsWith('-')) {
      onPath(arg);
      continue;
    }
    if (arg === '--') {
      optionsEnded = true;
      continue;
    }
    const equals = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = equals === -1 ? arg : arg.slice(0, equals);
    const inline = equals === -1 ? undefined : arg.slice(equals + 1);
    let used = inline === undefined;
    const value = (): string => {
      used = true;
      const next = inline ?? args[++i];
      if (next === undefined) throw new UsageError(`${flag} needs a value`);
      return next;
    };
    if (!onOption(flag, value)) throw new UsageError(`unknown option ${displayName(flag)}; run "${help}"`);
    if (!used) throw new UsageError(`${flag} takes no value`);
  }
}

/** The validation settings flags; each fills the field of `RawSettings` it stands for. */
export const SETTINGS_FLAGS = [
  '--rule',
  '--target',
  '--cluster-ip-family',
  '--max-file-size-mb',
  '--lattice-gateway-class',
  '--lattice-listeners-per-service',
  '--lattice-rules-per-listener',
] as const;
export type SettingsFlag = (typeof SETTINGS_FLAGS)[number];

/** Takes a settings flag into `raw` (checked later by the shared parser); false when not one. */
export function takeSettingsFlag(
  flag: string,
  value: () => string,
  raw: RawSettings & { rules: Record<string, unknown> },
  accepted: readonly SettingsFlag[] = SETTINGS_FLAGS,
): boolean {
  if (!(accepted as readonly string[]).includes(flag)) return false;
  switch (flag as SettingsFlag) {
    case '--rule': {
      const spec = value();
      const match = /^([A-Za-z0-9]+)=(.*)$/s.exec(spec);
      if (!match)
        throw new UsageError(`--rule expects CODE=${RULE_LEVELS.join('|')}, not ${displayName(spec)}`);
      raw.rules[match[1].toUpperCase()] = match[2];
      break;
    }
    case '--target':
      raw.target = value();
      break;
    case '--cluster-ip-family':
      raw.clusterIpFamily = value();
      break;
    case '--max-file-size-mb':
      raw.maxFileSizeMB = value();
      break;
    case '--lattice-gateway-class': {
      raw.lattice ??= {};
      const classes = Array.isArray(raw.lattice.gatewayClasses) ? raw.lattice.gatewayClasses : [];
      // Repeatable, and a comma-separated list counts as several.
      raw.lattice.gatewayClasses = [
        ...classes,
        ...value()
          .split(',')
          .map((name) => name.trim()),
      ];
      break;
    }
    case '--lattice-listeners-per-service':
      (raw.lattice ??= {}).listenersPerService = value();
      break;
    case '--lattice-rules-per-listener':
      (raw.lattice ??= {}).rulesPerListener = value();
      break;
  }
  return true;
}
