// The objects of a file that is not open: read the way an open document is (the same guarded
// parse, the same lists), so a file on disk and the same file open in the editor mean the same.

import { ManifestFile } from '../service/manifestFile';
import { withDefaults } from '../settings';
import type { FileObject } from './objects';

export function readObjects(text: string): FileObject[] {
  const file = new ManifestFile(withDefaults(undefined));
  file.update(text);
  return file.getObjects();
}
