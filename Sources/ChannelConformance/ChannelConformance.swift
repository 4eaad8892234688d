// ChannelConformance: module placeholder; the real content lands with its issue.
