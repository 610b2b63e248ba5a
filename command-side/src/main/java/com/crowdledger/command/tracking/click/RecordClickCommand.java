package com.crowdledger.command.tracking.click;

import com.crowdledger.shared.Mode;
import com.crowdledger.shared.web.NoClientAddress;

/**
 * A visitor followed {@code /r/<brand>/<offer>?via=<partner>}: record the click if brand, offer and partner exist in
 * that mode and take traffic. The visitor's address arrives only as its keyed fingerprint, and the command's
 * metadata leaves it out.
 */
@NoClientAddress
public record RecordClickCommand(
        String brand,
        String offerSlug,
        String partnerSlug,
        Mode mode,
        String sub1,
        String sub2,
        String sub3,
        String sub4,
        String sub5,
        String addressHash,
        String userAgent) {
}
