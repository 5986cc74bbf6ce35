import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

/** The files of a corpus folder, relative paths with '/' separators, sorted; and the folders that could not be listed. */
export interface FolderListing {
  files: string[];
  unreadable: { path: string; reason: string }[];
}

function isHidden(name: string): boolean {
  return name.startsWith('.');
}

/**
 * Lists a folder recursively, skipping hidden files and folders (".git",
 * ".DS_Store"). Symbolic links to files are followed; links to folders are
 * not (they could loop).
 */
export async function listFiles(root: string): Promise<FolderListing> {
  const files: string[] = [];
  const unreadable: FolderListing['unreadable'] = [];
  const visit = async (relative: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(path.join(root, relative), { withFileTypes: true });
    } catch (error) {
      unreadable.push({ path: relative || '.', reason: `cannot read folder: ${(error as NodeJS.ErrnoException).code ?? String(error)}` });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (isHidden(entry.name)) continue;
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) await visit(child);
      else if (entry.isFile()) files.push(child);
      else if (entry.isSymbolicLink()) {
        const target = await stat(path.join(root, child)).catch(() => null);
        if (target?.isFile()) files.push(child);
      }
    }
  };
  await visit('');
  return { files, unreadable };
}
