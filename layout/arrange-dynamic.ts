/**
 * Which streams a dynamic layout (floating, screen sharing, grid) shows, in which slot.
 *
 * Rules, from spec §5.8 and §2.2(6, 12):
 * - Streams are taken in room-entry order (`opts.users`; audio-only users not listed there are appended).
 * - `MaxVideoUser` (floating and screen sharing only) takes the big picture. Naming a user's screen stream
 *   (StreamType 1) adds that stream for the big picture and keeps the user's camera among the others;
 *   naming the camera moves the user to the front.
 * - At most 16 streams are mixed; later entrants are dropped (audio-only users count).
 * - Audio-only users occupy a cell only when `PureAudioHoldPlaceMode` is 1.
 */
import { floatingSlots, gridSlots, screenShareSlots } from "./dynamic";
import type { LayoutModel } from "./read";
import { MAX_MIXED_STREAMS, problemAt, tooManyStreams, type PathPart } from "./problems";
import type { CellGeometry, LayoutKind, Problem, StreamKind } from "./types";

interface Stream {
  readonly userId: string;
  readonly streamType: StreamKind;
  readonly audioOnly: boolean;
}

/** Cells placed by a dynamic layout, plus what was noticed while choosing streams. */
export interface DynamicArrangement {
  readonly kind: LayoutKind;
  readonly cells: CellGeometry[];
  readonly problems: Problem[];
}

const LAYOUT: PathPart[] = ["VideoParams", "LayoutParams"];
const KINDS: Readonly<Record<number, LayoutKind>> = { 1: "floating", 2: "screen-share", 3: "grid" };

function label(s: Stream): string {
  return s.streamType === "screen" ? `${s.userId} (screen)` : s.userId;
}

/** The room as the layout sees it: every user once, in entry order, with audio-only users flagged. */
function roomStreams(users: ReadonlyArray<string>, audioOnlyUsers: ReadonlyArray<string>): Stream[] {
  const audioOnly = new Set(audioOnlyUsers);
  const ids = [...new Set([...users, ...audioOnlyUsers])];
  return ids.map((userId) => ({ userId, streamType: "camera", audioOnly: audioOnly.has(userId) }));
}

/**
 * Arranges a dynamic layout. `mode` is 1, 2 or 3. Without `opts.users`, the users the body itself names
 * (MaxVideoUser, then the audio whitelist) stand in for the room, so a body alone still draws something.
 */
export function arrangeDynamic(
  model: LayoutModel,
  mode: 1 | 2 | 3,
  canvas: { width: number; height: number },
  users: ReadonlyArray<string> | undefined,
  audioOnlyUsers: ReadonlyArray<string>,
): DynamicArrangement {
  const problems: Problem[] = [];
  const bodyUsers = [model.maxVideoUser?.userId, ...model.audioSubscribers].filter((u): u is string => !!u);
  let streams = roomStreams(users ?? bodyUsers, audioOnlyUsers);
  const mvu = mode === 3 ? undefined : model.maxVideoUser;

  if (mvu?.userId !== undefined) {
    const owner = streams.find((s) => s.userId === mvu.userId);
    if (!owner) {
      problems.push(
        problemAt(
          "max-video-user-absent",
          "warning",
          [...LAYOUT, "MaxVideoUser"],
          `${mvu.userId} is not among the users in the room, so the big picture goes to the first user to enter`,
        ),
      );
    } else if (mvu.streamType === "screen") {
      streams = [{ userId: owner.userId, streamType: "screen", audioOnly: false }, ...streams];
    } else {
      streams = [owner, ...streams.filter((s) => s !== owner)];
    }
  } else if (mode === 2) {
    problems.push(
      problemAt(
        "screen-share-without-max-video-user",
        "warning",
        [...LAYOUT, "MaxVideoUser"],
        "the screen-sharing layout (mixLayoutMode 2) needs maxVideoUser to choose the big picture; the first user to enter is drawn there",
      ),
    );
  }

  if (streams.length > MAX_MIXED_STREAMS) {
    problems.push(tooManyStreams(streams.length, LAYOUT, "streams in the room", streams.slice(MAX_MIXED_STREAMS).map(label)));
    streams = streams.slice(0, MAX_MIXED_STREAMS);
  }

  const placed = streams.filter((s) => !s.audioOnly || model.pureAudioHoldPlaceMode === 1);
  const slots =
    mode === 1
      ? floatingSlots(canvas, placed.length)
      : mode === 2
        ? screenShareSlots(canvas, placed.length)
        : gridSlots(canvas, placed.length);
  const cells = slots.map((slot, i): CellGeometry => {
    const s = placed[i];
    const role = mode === 3 ? "grid" : i === 0 ? "big" : "small";
    // Tencent scales the screen-sharing big picture to keep it whole and crops everything else (spec §5.8).
    const renderMode = model.renderMode ?? (mode === 2 && i === 0 ? 1 : 0);
    return {
      ...slot,
      index: i,
      userId: s.userId,
      byEntryOrder: false,
      streamType: s.streamType,
      role,
      z: role === "small" ? 1 : 0,
      drawOrder: i,
      renderMode,
      audioOnly: s.audioOnly,
    };
  });
  return { kind: KINDS[mode], cells, problems };
}
