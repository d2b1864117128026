// The one parser of the validation settings, for the language server (the `eksNetworking` section
// VS Code sends) and the CLI (its flags, gathered into the same shape). Values arrive unchecked:
// settings.json accepts anything. A bad value becomes one warning that names the setting (or the
// flag) and is ignored, so the editor and `eksnet lint` agree on what a file gets.

import { DEFAULT_SETTINGS, RULE_LEVELS, ruleByCode, type EngineSettings, type RuleLevel } from '../engine';
import { renderValue } from '../engine/util/strings';

/** The settings as written: the `eksNetworking` section, or the CLI flags in the same shape. */
export interface RawSettings {
  validate?: { enable?: unknown };
  rules?: unknown;
  target?: unknown;
  clusterIpFamily?: unknown;
  maxFileSizeMB?: unknown;
  connectivity?: { workspaceChecks?: unknown };
}

export interface ParsedSettings {
  /** `eksNetworking.validate.enable`; the CLI always validates. */
  validateEnabled: boolean;
  engine: EngineSettings;
  /** One sentence per ignored value, naming where it was set. */
  warnings: string[];
}

/** Where settings come from decides how a warning names them. */
export type SettingsSource = 'editor' | 'cli';

const NAMES: Record<
  SettingsSource,
  Record<Exclude<keyof RawSettings, 'validate' | 'connectivity'>, string>
> = {
  editor: {
    rules: 'eksNetworking.rules',
    target: 'eksNetworking.target',
    clusterIpFamily: 'eksNetworking.clusterIpFamily',
    maxFileSizeMB: 'eksNetworking.maxFileSizeMB',
  },
  cli: {
    rules: '--rule',
    target: '--target',
    clusterIpFamily: '--cluster-ip-family',
    maxFileSizeMB: '--max-file-size-mb',
  },
};

/** The editor setting; the CLI turns these checks off with `--rule NP212=off` and the like. */
const WORKSPACE_CHECKS_SETTING = 'eksNetworking.connectivity.workspaceChecks';

function ruleSettingName(source: SettingsSource, code: string): string {
  return source === 'editor' ? `eksNetworking.rules.${code}` : `--rule ${code}`;
}

const TARGETS = ['eks', 'generic'] as const;
const IP_FAMILIES = ['ipv4', 'ipv6'] as const;

function oneOf<T extends string>(value: unknown, allowed: readonly T[]): value is T {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value);
}

function words(values: readonly string[]): string {
  return values.length > 1 ? `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}` : values[0];
}

export function parseSettings(raw: unknown, source: SettingsSource = 'editor'): ParsedSettings {
  const section: RawSettings = isObject(raw) ? raw : {};
  const names = NAMES[source];
  const warnings: string[] = [];
  const ignored = (name: string, value: unknown, expected: string, fallback: string): void => {
    warnings.push(`${name} is ${renderValue(value)}, which is not ${expected}; ignored, so ${fallback}.`);
  };
  const engine: EngineSettings = { ...DEFAULT_SETTINGS, rules: {} };

  if (section.rules !== undefined && section.rules !== null) {
    if (!isObject(section.rules)) {
      ignored(names.rules, section.rules, 'an object of rule codes and levels', 'every rule keeps its level');
    } else {
      for (const [written, level] of Object.entries(section.rules)) {
        const code = written.toUpperCase();
        const name = ruleSettingName(source, written);
        if (!ruleByCode(code)) {
          warnings.push(`${name} names no rule (the codes are listed in docs/rules.md); ignored.`);
        } else if (!oneOf<RuleLevel>(level, RULE_LEVELS)) {
          ignored(name, level, `a level (${words(RULE_LEVELS)})`, `${code} keeps its default level`);
        } else {
          engine.rules[code] = level;
        }
      }
    }
  }

  if (section.target !== undefined) {
    if (oneOf(section.target, TARGETS)) engine.target = section.target;
    else ignored(names.target, section.target, words(TARGETS), `${DEFAULT_SETTINGS.target} is used`);
  }

  if (section.clusterIpFamily !== undefined) {
    if (oneOf(section.clusterIpFamily, IP_FAMILIES)) engine.clusterIpFamily = section.clusterIpFamily;
    else {
      ignored(
        names.clusterIpFamily,
        section.clusterIpFamily,
        words(IP_FAMILIES),
        `${DEFAULT_SETTINGS.clusterIpFamily} is used`,
      );
    }
  }

  if (section.maxFileSizeMB !== undefined) {
    // The command line has only text; a number written as text is what the flag means.
    const size =
      source === 'cli' && typeof section.maxFileSizeMB === 'string' && section.maxFileSizeMB.trim() !== ''
        ? Number(section.maxFileSizeMB)
        : section.maxFileSizeMB;
    if (typeof size === 'number' && Number.isFinite(size) && size > 0) engine.maxFileSizeMB = size;
    else {
      ignored(
        names.maxFileSizeMB,
        section.maxFileSizeMB,
        'a positive number of megabytes',
        `${DEFAULT_SETTINGS.maxFileSizeMB} is used`,
      );
    }
  }

  const connectivity = section.connectivity;
  if (connectivity !== undefined && connectivity !== null) {
    const enable = isObject(connectivity) ? connectivity.workspaceChecks : connectivity;
    if (typeof enable === 'boolean') engine.workspaceChecks = enable;
    else if (enable !== undefined) {
      ignored(WORKSPACE_CHECKS_SETTING, enable, 'true or false', 'the workspace checks stay on');
    }
  }

  let validateEnabled = true;
  const validate = section.validate;
  if (validate !== undefined && validate !== null) {
    const enable = isObject(validate) ? validate.enable : validate;
    if (typeof enable === 'boolean') validateEnabled = enable;
    else if (enable !== undefined) {
      ignored('eksNetworking.validate.enable', enable, 'true or false', 'validation stays on');
    }
  }

  return { validateEnabled, engine, warnings };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
