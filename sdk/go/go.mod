module github.com/pulumi-trtc-relay/pulumi-trtc-relay/sdk/go

go 1.25

require github.com/pulumi/pulumi/sdk/v3 v3.256.0
