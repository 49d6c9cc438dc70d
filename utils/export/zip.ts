/**
 * One zip for a data package, byte-for-byte reproducible: files in a fixed order (datapackage.json
 * first, then by name) and a fixed modification time.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import type { DataPackageFiles } from './dataPackage';

/**
 * 2000-01-01 00:00 built from local-time fields: zip stores local ("DOS") time, and fflate reads the
 * Date's local fields, so this gives the same bytes in every time zone.
 */
const FIXED_MTIME = () => new Date(2000, 0, 1, 0, 0, 0);

export function zipDataPackage(files: DataPackageFiles): Uint8Array {
  const names = Object.keys(files).sort((a, b) => (a === 'datapackage.json' ? -1 : b === 'datapackage.json' ? 1 : a < b ? -1 : a > b ? 1 : 0));
  const entries: Zippable = {};
  for (const name of names) entries[name] = [strToU8(files[name]!), { mtime: FIXED_MTIME(), level: 9 }];
  return zipSync(entries);
}

/** The files of a zipped package (text, UTF-8). */
export function unzipDataPackage(bytes: Uint8Array): DataPackageFiles {
  const out: DataPackageFiles = {};
  for (const [name, data] of Object.entries(unzipSync(bytes))) if (!name.endsWith('/')) out[name] = strFromU8(data);
  return out;
}
