package com.crowdledger.command.apikey;

import com.crowdledger.shared.crypto.RandomTokens;
import com.crowdledger.shared.Mode;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The shape of a key: {@code <prefix>_<mode>_<32 lowercase hex>} (128 random bits), e.g. {@code tpk_test_3f9a...}.
 * Its display prefix (the mode part plus the first 8 hex digits) is stored in clear to find the key's hash.
 */
@Component
public class ApiKeyFormat {
    private static final int RANDOM_BYTES = 16;
    private static final int DISPLAY_HEX_DIGITS = 8;

    private final String prefix;
    private final Pattern pattern;

    public ApiKeyFormat(Settings settings) {
        this.prefix = settings.prefix();
        this.pattern = Pattern.compile(Pattern.quote(prefix) + "_(live|test)_[0-9a-f]{32}");
    }

    public String generate(Mode mode) {
        return prefix + "_" + mode.wireName() + "_" + RandomTokens.hex(RANDOM_BYTES);
    }

    /** The mode of a well-formed key; empty for anything that cannot be a key. */
    public Optional<Mode> modeOf(String presented) {
        Matcher matcher = pattern.matcher(presented);
        return matcher.matches() ? Optional.of(Mode.fromWire(matcher.group(1))) : Optional.empty();
    }

    public String displayPrefix(String key) {
        int randomStart = key.lastIndexOf('_') + 1;
        return key.substring(0, randomStart + DISPLAY_HEX_DIGITS);
    }

    /** {@code crowdledger.api-keys.prefix}: the product part of every key (default {@code tpk}). */
    @ConfigurationProperties("crowdledger.api-keys")
    public record Settings(String prefix) {
        public Settings {
            if (prefix == null || prefix.isBlank()) {
                prefix = "tpk";
            }
        }
    }
}
