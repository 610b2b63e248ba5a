package com.crowdledger.command.account;

import java.text.Normalizer;
import java.util.Locale;

/** URL-safe account slugs made from names: "Acme Games, Inc." becomes "acme-games-inc". */
final class Slugs {
    static final int MAX_LENGTH = 40;

    private Slugs() {
    }

    static String from(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > MAX_LENGTH) {
            slug = slug.substring(0, MAX_LENGTH).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "account" : slug;
    }
}
