package com.crowdledger.shared.error;

/** One entry of an error's {@code details}: which field is wrong and why. */
public record FieldIssue(String field, String message) {
}
