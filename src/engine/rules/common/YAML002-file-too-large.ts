import { defineRule } from '../types';

export default defineRule({
  code: 'YAML002',
  slug: 'file-too-large',
  kinds: 'any',
  category: 'yaml',
  defaultSeverity: 'warning',
  summary: 'The file is larger than `eksNetworking.maxFileSizeMB` and is not validated.',
  why: 'Validating a huge file on every keystroke would freeze the editor. Raise the setting, or lint the file with `eksnet lint --max-file-size-mb N` in CI.',
  badExample: '# a 60 MB `kubectl get networkpolicy -A -o yaml` dump',
  goodExample: '# split the dump per namespace, or raise eksNetworking.maxFileSizeMB',
  docs: 'https://github.com/eks-networking/eks-networking#settings',
  checkFile(text, settings) {
    const limitBytes = settings.maxFileSizeMB * 1024 * 1024;
    if (text.length <= limitBytes) return [];
    const firstLineEnd = text.indexOf('\n');
    const sizeMB = (text.length / 1024 / 1024).toFixed(1);
    return [
      {
        range: { start: 0, end: firstLineEnd === -1 ? Math.min(text.length, 200) : firstLineEnd },
        message: `File is ${sizeMB} MB, larger than eksNetworking.maxFileSizeMB (${settings.maxFileSizeMB} MB): not validated`,
      },
    ];
  },
});
