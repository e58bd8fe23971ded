/**
 * File names for messages and generated banners. The core sees URIs from the server and
 * paths (POSIX or Windows) from the CLI's hosts; these take the last segment of either.
 */

/** The last segment of a path or URI path, after `/` or `\` (`/a/b/pc.memmap` -> `pc.memmap`). */
export function baseName(path: string): string {
	return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

/** The last segment of a URI, percent-decoded (`file:///b/pc%20x.memmap` -> `pc x.memmap`). */
export function uriFileName(uri: string): string {
	const last = baseName(uri);
	try {
		return decodeURIComponent(last);
	} catch {
		return last;
	}
}
