// Tencent Cloud TRTC stream-mixing and relay-to-CDN tasks.
package trtc
