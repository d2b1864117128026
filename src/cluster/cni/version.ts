// VPC CNI versions: read from the aws-node image tag (e.g. amazon-k8s-cni:v1.19.2-eksbuild.1) and compared.

export type Version = [number, number, number];

export function versionFromImage(image: string | undefined): string | undefined {
  if (!image) return undefined;
  const tag = /:([^:/@]+)(?:@sha256:[0-9a-f]+)?$/.exec(image)?.[1];
  return tag;
}

export function parseVersion(text: string | undefined): Version | undefined {
  const match = /^v?(\d+)\.(\d+)(?:\.(\d+))?/.exec(text ?? '');
  return match ? [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)] : undefined;
}

export function compareVersions(a: Version, b: Version): number {
  for (let index = 0; index < 3; index++) if (a[index] !== b[index]) return a[index] - b[index];
  return 0;
}

/** True when `version` is at least `minimum` ("v1.9.0"); undefined when the version is unknown. */
export function atLeast(version: string | undefined, minimum: string): boolean | undefined {
  const parsed = parseVersion(version);
  const wanted = parseVersion(minimum);
  if (!parsed || !wanted) return undefined;
  return compareVersions(parsed, wanted) >= 0;
}
