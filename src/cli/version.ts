import { readFileSync } from 'node:fs';
import { packageFile } from '../app/package-files.js';

export function readVersion(): string {
  const manifest = JSON.parse(readFileSync(packageFile('package.json'), 'utf8')) as { version: string };
  return manifest.version;
}
