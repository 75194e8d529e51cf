/**
 * The two TRTC identifiers every struct that names a user or a room uses: UserId and RoomId, with the
 * lengths and character sets TRTC documents for them. One definition, so the main room, the robots, the
 * mixed users, the audio lists, the push-back rooms and cross-room users are all held to the same rule by
 * the client, the provider's check and the emulator.
 *
 * Source: the relay API itself gives no charset (spec §5.1, §5.5, §5.22); TRTC's SDK reference does, for
 * the same identifiers a user enters a room with:
 * - `TRTCParams.userId`: "up to 32 bytes of letters (a–z and A–Z), digits (0–9), underscores, and hyphens"
 *   (TRTC SDK API reference, e.g. https://pub.dev/documentation/tencent_trtc_cloud/latest/trtc_cloud_def/TRTCParams/userId.html);
 * - `TRTCParams.strRoomId`: "the length limit is 64 bytes. The following 89 characters are supported:
 *   letters (a–z and A–Z), digits (0–9), space, ! # $ % & ( ) + - : ; < = . > ? @ [ ] ^ _ { } | ~ ,"
 *   (https://pub.dev/documentation/tencent_rtc_sdk/latest/trtc_cloud_def/TRTCParams/strRoomId.html).
 * A user or room outside these sets cannot be in a TRTC room, so a task naming one could never mix it.
 * Integer rooms (RoomIdType 0) are further held to 1–4294967294 by the cross-field rule in rules/rooms.ts.
 */
import { text } from "./common";

/** Most UTF-8 bytes of a UserId (TRTCParams.userId). */
export const MAX_USER_ID_BYTES = 32;

/** Most UTF-8 bytes of a string room ID (TRTCParams.strRoomId). */
export const MAX_ROOM_ID_BYTES = 64;

/** The punctuation TRTC allows in a string room ID besides letters and digits (space first). */
export const ROOM_ID_PUNCTUATION = " !#$%&()+-:;<=.>?@[]^_{}|~,";

/** Every character a UserId may hold: letters, digits, underscore, hyphen. */
export const USER_ID_PATTERN = /^[A-Za-z0-9_-]+$/;

/** Every character a string room ID may hold: letters, digits and {@link ROOM_ID_PUNCTUATION} (89 in all). */
export const ROOM_ID_PATTERN = /^[A-Za-z0-9 !#$%&()+\-:;<=.>?@[\]^_{}|~,]+$/;

/** The rule a UserId breaks, in the words of TRTC's reference. */
export const USER_ID_RULE = `must be a non-empty string of at most ${MAX_USER_ID_BYTES} bytes of letters, digits, underscores (_) and hyphens (-)`;

/** The rule a room ID breaks, naming the allowed set so the user can fix it without looking it up. */
export const ROOM_ID_RULE =
  `must be a non-empty string of at most ${MAX_ROOM_ID_BYTES} bytes of letters, digits, space and ` +
  `${[...ROOM_ID_PUNCTUATION.trim()].join(" ")}`;

/** A TRTC UserId (robots, mixed users, audio lists, push-back robots). */
export const userId = () => text({ maxBytes: MAX_USER_ID_BYTES, pattern: USER_ID_PATTERN, rule: USER_ID_RULE });

/**
 * A room ID, always a JSON string. The string-room charset is a superset of an integer room's digits, so
 * it holds whatever `RoomIdType` says; whether an integer room's ID is a number in range is the cross-field
 * rule `room-id-matches-type` (it depends on `RoomIdType`).
 */
export const roomId = () => text({ maxBytes: MAX_ROOM_ID_BYTES, pattern: ROOM_ID_PATTERN, rule: ROOM_ID_RULE });
