package com.crowdledger.events.game;

import com.crowdledger.shared.Platform;

/** A build testers install: for one platform, a version label and where to download it (https). */
public record GameBuild(Platform platform, String version, String url) {
}
