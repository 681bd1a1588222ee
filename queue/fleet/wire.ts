import type { ArtifactBytes, CrawlRecord } from '../../src/core/index.ts';

/** An artifact as it travels through Redis: bytes as base64 (the recorder accepts this form). */
type WireArtifact = Omit<ArtifactBytes, 'data'> & { data: string };

export type WireRecord =
  | (Omit<Extract<CrawlRecord, { type: 'page' }>, 'artifacts'> & { artifacts: WireArtifact[] })
  | (Omit<Extract<CrawlRecord, { type: 'site-artifact' }>, 'artifacts'> & { artifacts: WireArtifact[] })
  | Extract<CrawlRecord, { type: 'crawl-end' }>;

/** The JSON-safe form of a record for a results-queue job. */
export function toWireRecord(record: CrawlRecord): WireRecord {
  if (record.type === 'crawl-end') return record;
  return { ...record, artifacts: record.artifacts.map(toWireArtifact) };
}

function toWireArtifact(artifact: ArtifactBytes): WireArtifact {
  return {
    hash: artifact.hash,
    kind: artifact.kind,
    mediaType: artifact.mediaType,
    data: Buffer.from(artifact.data.buffer, artifact.data.byteOffset, artifact.data.byteLength).toString(
      'base64',
    ),
  };
}
