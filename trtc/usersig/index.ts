/**
 * UserSigs (TLS signature version 2): generate the tickets TRTC users need, and verify them.
 * See docs/USERSIG.md.
 */
export { genUserSig, type GenUserSigInput } from "./generate";
export { verifyUserSig, type VerifyUserSigOptions, type VerifyUserSigResult, type UserSigRejection } from "./verify";
