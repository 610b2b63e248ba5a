package com.crowdledger.command.chat;

import com.crowdledger.shared.error.DomainException;

/**
 * What a message may be: text of 1 to {@code max} characters, counted as Unicode code points (an emoji is one, as a
 * person counts it, though Java and JSON spell it with two UTF-16 units), kept exactly as sent. Text of only
 * whitespace says nothing, and a lone surrogate is not text at all (no encoding can store it as it is): both are
 * refused rather than altered.
 */
final class ChatText {
    static final String FIELD = "text";

    private ChatText() {
    }

    static String valid(String text, int max) {
        if (text == null || text.isBlank()) {
            throw DomainException.invalid(FIELD, "must not be empty");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw DomainException.invalid(FIELD, "must be Unicode text (it holds a lone surrogate)");
            }
        }
        if (text.codePointCount(0, text.length()) > max) {
            throw DomainException.invalid(FIELD, "must be at most " + max + " characters");
        }
        return text;
    }
}
