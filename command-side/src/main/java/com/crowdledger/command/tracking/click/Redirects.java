package com.crowdledger.command.tracking.click;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Where a click sends its visitor: the offer's stored destination, with the click's id added to its query. */
final class Redirects {
    static final String CLICK_ID = "click_id";

    private Redirects() {
    }

    /**
     * The destination with {@code click_id=<id>} as the last query parameter: existing parameters are kept as they
     * are (a {@code click_id} of the destination's own is replaced, so the advertiser reads one), and the fragment
     * stays last.
     */
    static String withClickId(String destination, String clickId) {
        int hash = destination.indexOf('#');
        String fragment = hash < 0 ? "" : destination.substring(hash);
        String beforeFragment = hash < 0 ? destination : destination.substring(0, hash);
        int question = beforeFragment.indexOf('?');
        String base = question < 0 ? beforeFragment : beforeFragment.substring(0, question);
        List<String> parameters = new ArrayList<>();
        if (question >= 0) {
            Arrays.stream(beforeFragment.substring(question + 1).split("&"))
                    .filter(parameter -> !parameter.isEmpty() && !isClickId(parameter))
                    .forEach(parameters::add);
        }
        parameters.add(CLICK_ID + "=" + URLEncoder.encode(clickId, StandardCharsets.UTF_8));
        return base + "?" + String.join("&", parameters) + fragment;
    }

    private static boolean isClickId(String parameter) {
        return parameter.equals(CLICK_ID) || parameter.startsWith(CLICK_ID + "=");
    }
}
