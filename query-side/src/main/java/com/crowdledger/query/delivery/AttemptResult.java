package com.crowdledger.query.delivery;

/**
 * What one attempt got: the HTTP status (null when there was no answer), the first 1 KiB of the answer's body, how
 * long it took, and what went wrong (null for a 2xx).
 */
record AttemptResult(Integer statusCode, String responseBody, long durationMillis, String error) {
    static final int MAX_RESPONSE_CHARS = 1024;

    boolean succeeded() {
        return statusCode != null && statusCode >= 200 && statusCode < 300;
    }

    boolean gone() {
        return statusCode != null && statusCode == 410;
    }

    static AttemptResult noAnswer(long durationMillis, String error) {
        return new AttemptResult(null, null, durationMillis, error);
    }
}
