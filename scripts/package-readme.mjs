// The README inside the .vsix is what the Extensions view shows as the extension's page. That page is
// a webview that loads images only from https: or data: URLs and resolves no relative link, so the
// packaged copy gets each local picture embedded as a data: URL (the pictures ship inside the .vsix)
// and each relative link made absolute on the repository. The README.md in the repository is unchanged.
import { readFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';

const IMAGE_TYPES = { '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif' };

function isRelative(link) {
  return !/^[a-z][\w+.-]*:/i.test(link) && !link.startsWith('#') && !link.startsWith('/');
}

/** `text` with relative images embedded from `root` and relative links pointing at `repositoryUrl`. */
export function packagedReadme(text, root, repositoryUrl) {
  const base = repositoryUrl.replace(/\.git$/, '').replace(/\/$/, '');
  // [title](link) and ![alt](src); titles never hold brackets in our README.
  return text.replace(/(!?)\[([^\]\n]*)\]\(([^)\s]+)\)/g, (all, bang, title, link) => {
    if (!isRelative(link)) return all;
    const path = normalize(link.split('#')[0]);
    if (bang) {
      const type = IMAGE_TYPES[extname(path).toLowerCase()];
      if (!type) throw new Error(`README image ${link}: only PNG, JPEG and GIF pictures can be embedded.`);
      const data = readFileSync(join(root, path)).toString('base64');
      return `![${title}](data:${type};base64,${data})`;
    }
    return `[${title}](${base}/blob/HEAD/${link})`;
  });
}
