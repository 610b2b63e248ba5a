package com.crowdledger.query.eventlog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What of an event may leave the platform (webhooks) or be shown (the event log): every field but those that hold
 * secrets or point at them. A field is dropped, at any depth, when its name ends in {@code Hash} (argon2id and
 * SHA-256 hashes of passwords, keys, tokens), names a secret or password ({@code secretRef},
 * {@code previousSecretRef}, {@code postbackSecret}...), or when its value is a reference into the secret vault
 * ({@code sec_...}) or a password hash ({@code $argon2...}) whatever the field is called. So a feature's new event is
 * safe to publish without a list to maintain; a field that must stay private is named accordingly.
 */
public final class PublicFields {
    private static final Pattern SECRET_REFERENCE = Pattern.compile("sec_[0-9A-Za-z]{22}");

    private PublicFields() {
    }

    /** Removes the private fields from {@code node} and its children, in place; returns it. */
    public static ObjectNode strip(ObjectNode node) {
        node.properties().removeIf(field -> isPrivate(field.getKey(), field.getValue()));
        node.forEach(PublicFields::stripChildren);
        return node;
    }

    private static void stripChildren(JsonNode child) {
        if (child instanceof ObjectNode object) {
            strip(object);
        } else if (child.isArray()) {
            child.forEach(PublicFields::stripChildren);
        }
    }

    static boolean isPrivate(String name, JsonNode value) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (name.endsWith("Hash") || lower.contains("secret") || lower.contains("password")) {
            return true;
        }
        return value.isTextual() && (SECRET_REFERENCE.matcher(value.textValue()).matches()
                || value.textValue().startsWith("$argon2"));
    }
}
