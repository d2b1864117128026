// Strategic-merge and JSON-merge patches as the API server applies them, for the fields the tests touch:
// lists of containers, init containers, env, volumes and ports merge by their key; everything else
// follows JSON merge patch (null deletes, objects merge, other values replace).

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** List field name → the key its elements merge on. */
const MERGE_KEYS: Record<string, string> = {
  containers: 'name',
  initContainers: 'name',
  env: 'name',
  volumes: 'name',
  volumeMounts: 'mountPath',
  ports: 'containerPort',
  tolerations: 'key',
};

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function jsonMergePatch(target: Json, patch: Json): Json {
  if (!isObject(patch)) return structuredClone(patch);
  const result: JsonObject = isObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = jsonMergePatch(result[key] ?? null, value);
  }
  return result;
}

export function strategicMergePatch(target: Json, patch: Json): Json {
  if (!isObject(patch)) return structuredClone(patch);
  if (patch.$patch === 'replace') {
    const { $patch: _ignored, ...rest } = patch;
    return structuredClone(rest);
  }
  const result: JsonObject = isObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    // Directives that only order or retain elements do not change content.
    if (key.startsWith('$setElementOrder/') || key.startsWith('$retainKeys') || key === '$patch') continue;
    if (key.startsWith('$deleteFromPrimitiveList/')) {
      const field = key.slice('$deleteFromPrimitiveList/'.length);
      const current = Array.isArray(result[field]) ? (result[field] as Json[]) : [];
      const remove = Array.isArray(value) ? value : [];
      result[field] = current.filter((item) => !remove.includes(item));
      continue;
    }
    if (value === null) {
      delete result[key];
      continue;
    }
    const mergeKey = MERGE_KEYS[key];
    if (mergeKey && Array.isArray(value)) {
      result[key] = mergeList(Array.isArray(result[key]) ? (result[key] as Json[]) : [], value, mergeKey);
      continue;
    }
    result[key] = strategicMergePatch(result[key] ?? null, value);
  }
  return result;
}

function mergeList(current: Json[], patch: Json[], mergeKey: string): Json[] {
  const result = current.map((item) => structuredClone(item));
  for (const element of patch) {
    if (!isObject(element)) continue;
    const index = result.findIndex((item) => isObject(item) && item[mergeKey] === element[mergeKey]);
    if (element.$patch === 'delete') {
      if (index >= 0) result.splice(index, 1);
      continue;
    }
    if (index >= 0) result[index] = strategicMergePatch(result[index], element);
    else result.push(strategicMergePatch(null, element));
  }
  return result;
}

export type { Json, JsonObject };
