/**
 * Everything a page needs: the figures (model/), plus what only the whole
 * build knows — the lookup's manifest, what changed since the last release,
 * and the operator's report. build/prepare.ts makes it; build/site.ts hands
 * it to pages.
 */
import type { Problem } from '../load/problems.ts';
import type { CekManifest } from '../lookup/shards.ts';
import type { SiteFigures } from '../model/model.ts';
import type { ReleaseChanges } from '../publish/releases.ts';
import type { Text } from '../shared/lang.ts';

/** What the build noticed, for the operator's report (laporan-operator.html beside the output, never published). */
export interface OperatorReport {
  /** Warnings of this build: printed, and listed here so staff can read them without a terminal. */
  warnings: Problem[];
  /** Input files read and their rows. */
  inputs: { file: string; rows: number }[];
  /** Things to do that are not problems with the data (e.g. add map boundaries). */
  notes: Text[];
}

/** Everything a page needs: the figures plus the lookup manifest, the release changes and the report (build/prepare.ts). */
export interface SiteModel extends SiteFigures {
  /** Set when the folder has a hashed recipient list: what /cek/ needs to find a shard. */
  cek?: CekManifest;
  /** What changed since the previous archived release, if there is one. */
  changes?: ReleaseChanges;
  report: OperatorReport;
}
