package com.crowdledger.command.tracking.click;

/** A recorded click, and the offer's destination to send the visitor to. */
record RecordedClick(String clickId, String destinationUrl) {
}
