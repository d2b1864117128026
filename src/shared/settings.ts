// The one parser of the validation settings, for the language server (the `eksNetworking` section
// VS Code sends) and the CLI (its flags, gathered into the same shape). Values arrive unchecked:
// settings.json accepts anything. A bad value becomes one warning that names the setting (or the
// flag) and is ignored, so the editor and `eksnet lint` agree on what a file gets.

import { DEFAULT_SETTINGS, RULE_LEVELS, ruleByCode, type EngineSettings, type RuleLevel } from '../engine';
import { DEFAULT_LATTICE_SETTINGS, type LatticeSettings } from '../engine/settings';
import { renderValue } from '../engine/util/strings';

/** The settings as written: the `eksNetworking` section, or the CLI flags in the same shape. */
export interface RawSettings {
  validate?: { enable?: unknown };
  rules?: unknown;
  target?: unknown;
  clusterIpFamily?: unknown;
  maxFileSizeMB?: unknown;
  connectivity?: { workspaceChecks?: unknown };
  lattice?: { gatewayClasses?: unknown; listenersPerService?: unknown; rulesPerListener?: unknown };
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

type SettingName =
  Exclude<keyof RawSettings, 'validate' | 'connectivity' | 'lattice'> | `lattice.${keyof LatticeSettings}`;

const NAMES: Record<SettingsSource, Record<SettingName, string>> = {
  editor: {
    rules: 'eksNetworking.rules',
    target: 'eksNetworking.target',
    clusterIpFamily: 'eksNetworking.clusterIpFamily',
    maxFileSizeMB: 'eksNetworking.maxFileSizeMB',
    'lattice.gatewayClasses': 'eksNetworking.lattice.gatewayClasses',
    'lattice.listenersPerService': 'eksNetworking.lattice.listenersPerService',
    'lattice.rulesPerListener': 'eksNetworking.lattice.rulesPerListener',
  },
  cli: {
    rules: '--rule',
    target: '--target',
    clusterIpFamily: '--cluster-ip-family',
    maxFileSizeMB: '--max-file-size-mb',
    'lattice.gatewayClasses': '--lattice-gateway-class',
    'lattice.listenersPerService': '--lattice-listeners-per-service',
    'lattice.rulesPerListener': '--lattice-rules-per-listener',
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

  if (section.lattice !== undefined && section.lattice !== null) {
    engine.lattice = parseLattice(section.lattice, source, ignored);
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

/** A Kubernetes object name: what a GatewayClass name must look like. */
const CLASS_NAME = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;

function parseLattice(
  raw: unknown,
  source: SettingsSource,
  ignored: (name: string, value: unknown, expected: string, fallback: string) => void,
): LatticeSettings {
  const names = NAMES[source];
  const lattice: LatticeSettings = { ...DEFAULT_LATTICE_SETTINGS };
  if (!isObject(raw)) {
    ignored('eksNetworking.lattice', raw, 'an object', 'the Lattice settings keep their defaults');
    return lattice;
  }
  const { gatewayClasses } = raw;
  if (gatewayClasses !== undefined && gatewayClasses !== null) {
    const list = Array.isArray(gatewayClasses) ? gatewayClasses : [gatewayClasses];
    const good = list.filter((name): name is string => typeof name === 'string' && CLASS_NAME.test(name));
    for (const bad of list.filter((name) => !good.includes(name as string)))
      ignored(
        names['lattice.gatewayClasses'],
        bad,
        'a GatewayClass name',
        'it is not treated as a Lattice class',
      );
    lattice.gatewayClasses = [...new Set(good)];
  }
  for (const key of ['listenersPerService', 'rulesPerListener'] as const) {
    const value = raw[key];
    if (value === undefined || value === null) continue;
    // The command line has only text; a number written as text is what the flag means.
    const number =
      source === 'cli' && typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
    if (typeof number === 'number' && Number.isInteger(number) && number >= 1 && number <= 1000)
      lattice[key] = number;
    else
      ignored(
        names[`lattice.${key}`],
        value,
        'a whole number from 1 to 1000',
        `the default quota ${DEFAULT_LATTICE_SETTINGS[key]} is used`,
      );
  }
  return lattice;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
