import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';

/** The files of a corpus folder, relative paths with '/' separators, sorted; and the entries that are not read, with why. */
export interface FolderListing {
  files: string[];
  unreadable: { path: string; reason: string }[];
}

function isHidden(name: string): boolean {
  return name.startsWith('.');
}

/** True when `real` is `realRoot` or inside it. */
export function isInside(realRoot: string, real: string): boolean {
  const relative = path.relative(realRoot, real);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** Why a symbolic link cannot be followed, from the error of resolving it. */
function linkError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return 'dangling symbolic link (its target does not exist)';
  if (code === 'ELOOP') return 'symbolic link loop';
  return `cannot follow symbolic link: ${code ?? String(error)}`;
}

/**
 * Lists a folder recursively, skipping hidden files and folders (".git",
 * ".DS_Store"). Nothing outside the corpus is read: a symbolic link is
 * followed only when its real path (all links resolved) is inside the
 * corpus folder, and only to a file, which is then listed under the link's
 * path unless the walk lists it at its own path already. Links to folders
 * are not followed (their folder, inside the corpus, is walked at its own
 * path); links outside, dangling links, loops, and entries that are not
 * regular files (pipes, sockets, devices) are listed in `unreadable` with
 * the reason.
 */
export async function listFiles(root: string): Promise<FolderListing> {
  const unreadable: FolderListing['unreadable'] = [];
  const realRoot = await realpath(root);
  /** Files in walk order; `real` for those reached through a link. */
  const walked: { path: string; real?: string }[] = [];
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
      else if (entry.isFile()) walked.push({ path: child });
      else if (entry.isSymbolicLink()) {
        const why = await followLink(realRoot, path.join(root, child));
        if (typeof why === 'string') unreadable.push({ path: child, reason: why });
        else walked.push({ path: child, real: why.real });
      } else unreadable.push({ path: child, reason: 'not a regular file' });
    }
  };
  await visit('');

  // A link to a file the walk lists already would index it twice.
  const listedAt = new Map<string, string>();
  for (const file of walked) if (file.real === undefined) listedAt.set(path.join(realRoot, file.path), file.path);
  const files: string[] = [];
  for (const file of walked) {
    if (file.real !== undefined) {
      const first = listedAt.get(file.real);
      if (first !== undefined) {
        unreadable.push({ path: file.path, reason: `symbolic link to ${first}, read at its own path` });
        continue;
      }
      listedAt.set(file.real, file.path);
    }
    files.push(file.path);
  }
  return { files, unreadable };
}

/** The real path of a link's target when it is a regular file inside the corpus, else why it is not read. */
async function followLink(realRoot: string, link: string): Promise<{ real: string } | string> {
  let real: string;
  try {
    real = await realpath(link);
  } catch (error) {
    return linkError(error);
  }
  if (!isInside(realRoot, real)) return 'symbolic link to a path outside the corpus: not read';
  const target = await stat(real).catch(() => null);
  if (!target) return 'dangling symbolic link (its target does not exist)';
  if (target.isDirectory()) return 'symbolic link to a folder of the corpus: not followed (its files are read at their own path)';
  if (!target.isFile()) return 'symbolic link to something that is not a regular file';
  return { real };
}
