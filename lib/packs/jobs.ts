/**
 * The options page's pack jobs, run in its worker like every write (lib/user/jobs.ts): installing a
 * pack file (read, uncompressed if it was gzipped for sharing, checked whole, then stored in one
 * transaction, with progress for each stage and Cancel until it is stored), switching a pack on or
 * off, removing one.
 */
import type { GlossDatabase, PackRow } from '../store/db';
import { pacer, readBytes, steadyPacer, type JobControl } from '../user/job-control';
import { compareVersions, MAX_PACK_BYTES } from './format';
import { readPack } from './read';
import { preparePack, removePack, setPackEnabled, storePack } from './store';
import { refuse, refusedAs } from '../refused';

export type PackJobRequest =
  | { kind: 'installPack'; file: Blob }
  | { kind: 'setPackEnabled'; packId: string; enabled: boolean }
  | { kind: 'removePack'; packId: string };

export type PackJobResult =
  /** `replaced`: the version it updated, if any. */
  { kind: 'installPack'; pack: PackRow; replaced: PackRow | null } | { kind: 'packs' };

/** A pack compressed for sharing starts with gzip's two magic bytes. */
const isGzip = (bytes: Uint8Array) => bytes[0] === 0x1f && bytes[1] === 0x8b;

/**
 * A gzip-compressed pack's bytes, by the browser's own DecompressionStream. Read no further than the
 * largest pack Gloss accepts: a small file may hold a huge one.
 */
async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('gzip')).getReader();
  try {
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      size += read.value.length;
      if (size > MAX_PACK_BYTES) throw refuse.pack('tooLarge');
      chunks.push(read.value);
    }
  } catch (e) {
    await reader.cancel().catch(() => {});
    // A cut-off or damaged stream is refused as a damaged pack.
    throw refusedAs(e, 'pack') ? e : refuse.pack('damaged');
  }
  const whole = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    whole.set(chunk, at);
    at += chunk.length;
  }
  return whole;
}

/** A pack file's text: UTF-8, or it is no pack. */
function packText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw refuse.pack('notPack');
  }
}

async function installPack(db: GlossDatabase, file: Blob, control: JobControl): Promise<PackJobResult> {
  if (file.size > MAX_PACK_BYTES) throw refuse.pack('tooLarge');
  const bytes = await readBytes(file, pacer(control, 'reading'));
  const pack = await readPack(packText(isGzip(bytes) ? await gunzip(bytes) : bytes), pacer(control, 'checkingPack'));
  // What is installed refuses it at once, before the long part (the transaction checks again).
  const installed = await db.packs.get(pack.manifest.id);
  if (installed?.bundled) throw refuse.pack('builtIn', installed.title);
  if (installed && compareVersions(pack.manifest.version, installed.version) <= 0)
    throw refuse.pack('notNewer', installed.version);
  await pacer(control, 'installing')(0, 1);
  const result = await storePack(db, preparePack(pack, false), {
    saving: steadyPacer(control, 'installing'),
    finding: steadyPacer(control, 'finding'),
  });
  if (result.status !== 'installed') throw refuse.pack('notNewer', pack.manifest.version);
  return { kind: 'installPack', pack: result.pack, replaced: result.replaced };
}

export async function runPackJob(
  db: GlossDatabase,
  request: PackJobRequest,
  control: JobControl,
): Promise<PackJobResult> {
  switch (request.kind) {
    case 'installPack':
      return installPack(db, request.file, control);
    case 'setPackEnabled':
      await setPackEnabled(db, request.packId, request.enabled, steadyPacer(control, 'finding'));
      return { kind: 'packs' };
    case 'removePack':
      await removePack(db, request.packId, steadyPacer(control, 'finding'));
      return { kind: 'packs' };
  }
}
