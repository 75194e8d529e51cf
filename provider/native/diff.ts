/**
 * Diff: the diff table's verdict (../diff.ts through ../lifecycle/diff.ts) in the engine's terms. Besides
 * `changes`/`replaces`/`deleteBeforeReplace`, it answers `diffs` and a detailed diff, path by path, UPDATE or
 * UPDATE_REPLACE (ADD/DELETE likewise) as the table rules: `pulumi preview --diff` then names the property
 * that forces a replacement, and the `replaceOnChanges` option can upgrade an update (the engine applies it
 * to these paths only; pulumi/pulumi `step_generator.go` applyReplaceOnChanges).
 */
import { type DiffRequest, DiffResponse, PropertyDiff } from "@pulumi/pulumi/proto/provider_pb";
import type { ChangedPath } from "../diff";
import { planDiff } from "../lifecycle";
import { COMPUTED_KEYS } from "../outputs";
import { callDeps } from "./call-deps";
import { topLevelOf, unwrap } from "./wire";

const KINDS: Record<ChangedPath["kind"], Record<ChangedPath["verdict"], PropertyDiff.Kind>> = {
  add: { update: PropertyDiff.Kind.ADD, replace: PropertyDiff.Kind.ADD_REPLACE },
  delete: { update: PropertyDiff.Kind.DELETE, replace: PropertyDiff.Kind.DELETE_REPLACE },
  update: { update: PropertyDiff.Kind.UPDATE, replace: PropertyDiff.Kind.UPDATE_REPLACE },
};

const COMPUTED: ReadonlySet<string> = new Set(COMPUTED_KEYS);

/** Diff of the old outputs against the new checked inputs. */
export async function diff(req: DiffRequest): Promise<DiffResponse> {
  const olds = unwrap(req.getOlds()).props;
  const news = unwrap(req.getNews()).props;
  const verdict = await planDiff(callDeps(req.getUrn()), req.getId(), olds, news);
  const res = new DiffResponse();
  res.setChanges(verdict.changes ? DiffResponse.DiffChanges.DIFF_SOME : DiffResponse.DiffChanges.DIFF_NONE);
  const paths = verdict.changed.map((c) => c.path);
  res.setDiffsList([...topLevelOf(paths)]);
  res.setReplacesList([...topLevelOf(verdict.changed.filter((c) => c.verdict === "replace").map((c) => c.path))]);
  // Any replacement of a task stops the old one first (TRTC seats a robot UserId once per room), including one
  // the engine makes of an update because a changed path is under replaceOnChanges: it then uses this flag,
  // so it is set whenever something changes, not only when the table replaces.
  res.setDeletebeforereplace(verdict.deleteBeforeReplace || verdict.changes);
  for (const c of verdict.changed) {
    const d = new PropertyDiff();
    d.setKind(KINDS[c.kind][c.verdict]);
    // Arguments compare as inputs; endpoint, region and finished exist only in the old outputs.
    d.setInputdiff(!COMPUTED.has(c.path));
    res.getDetaileddiffMap().set(c.path, d);
  }
  res.setHasdetaileddiff(true);
  return res;
}
