package com.crowdledger.shared;

import com.crowdledger.shared.crypto.Digests;
import com.crowdledger.shared.crypto.RandomTokens;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/** Prefixed, opaque ids ("acct_4fJ9...") made of random base62 (SPEC §1): the one list of prefixes. */
public final class Ids {
    public static final String ACCOUNT = "acct_";
    public static final String API_KEY = "key_";
    public static final String CAMPAIGN = "camp_";
    public static final String BUG = "bug_";
    public static final String TESTER = "tstr_";
    public static final String OFFER = "off_";
    public static final String PARTNER = "prt_";
    public static final String CLICK = "clk_";
    public static final String CONVERSION = "conv_";
    public static final String GAME = "game_";
    public static final String PLAYTEST = "pt_";
    public static final String SLOT = "slot_";
    public static final String SUBMISSION = "sub_";
    public static final String PAYMENT = "pay_";
    public static final String CHAT = "chat_";
    public static final String MESSAGE = "msg_";
    public static final String NOTIFICATION = "ntf_";
    public static final String WEBHOOK = "whk_";
    public static final String EVENT = "evt_";
    public static final String DELIVERY = "del_";
    public static final String REQUEST = "req_";
    public static final String SECRET = "sec_";
    public static final String EARNING = "earn_";
    public static final String LEDGER_ENTRY = "ent_";
    public static final String PAYOUT = "pout_";

    private static final int RANDOM_CHARS = 22; // about 131 bits
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final BigInteger BASE62_RADIX = BigInteger.valueOf(62);
    /** What each kind of id names, for messages ("API key not found"). */
    private static final Map<String, String> NOUNS = Map.ofEntries(
            Map.entry(ACCOUNT, "Account"), Map.entry(API_KEY, "API key"), Map.entry(CAMPAIGN, "Campaign"),
            Map.entry(BUG, "Bug"), Map.entry(TESTER, "Tester"), Map.entry(OFFER, "Offer"),
            Map.entry(PARTNER, "Partner"), Map.entry(CLICK, "Click"), Map.entry(CONVERSION, "Conversion"),
            Map.entry(GAME, "Game"), Map.entry(PLAYTEST, "Playtest"), Map.entry(SLOT, "Slot"),
            Map.entry(SUBMISSION, "Submission"), Map.entry(PAYMENT, "Payment"), Map.entry(CHAT, "Conversation"),
            Map.entry(MESSAGE, "Message"), Map.entry(NOTIFICATION, "Notification"), Map.entry(WEBHOOK, "Webhook endpoint"),
            Map.entry(EVENT, "Event"), Map.entry(DELIVERY, "Delivery"), Map.entry(EARNING, "Earning"),
            Map.entry(LEDGER_ENTRY, "Ledger entry"), Map.entry(PAYOUT, "Payout"));
    /** Longer than any id made here; a longer one names nothing. */
    private static final int MAX_REST_CHARS = 64;

    private Ids() {
    }

    /**
     * An id of the wrong kind, or no id at all, names nothing: callers answer 404 (or refuse the filter) before
     * touching storage. After its prefix an id is base62, as every id made here, so a stray character (a NUL
     * byte, which PostgreSQL cannot even compare) never reaches a query.
     */
    public static boolean hasPrefix(String id, String prefix) {
        if (id == null || !id.startsWith(prefix)) {
            return false;
        }
        int rest = id.length() - prefix.length();
        if (rest < 1 || rest > MAX_REST_CHARS) {
            return false;
        }
        for (int i = prefix.length(); i < id.length(); i++) {
            char c = id.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z')) {
                return false;
            }
        }
        return true;
    }

    /** The noun for an id's kind ("API key" for {@code key_...}); "Object" for an id of no known kind. */
    public static String nounOf(String id) {
        int end = id == null ? -1 : id.indexOf('_');
        return end < 0 ? "Object" : NOUNS.getOrDefault(id.substring(0, end + 1), "Object");
    }

    public static String next(String prefix) {
        return prefix + RandomTokens.base62(RANDOM_CHARS);
    }

    /**
     * An id derived from a name rather than drawn: the first 128 bits of the name's SHA-256, in as many base62
     * characters as a drawn id. The same name always gives the same id, so consumers that never talk agree on it
     * (an event's {@code evt_} id, a notification's from its event and recipient, a conversation's from its pair).
     */
    public static String derived(String prefix, String name) {
        byte[] digest = Digests.sha256(name.getBytes(StandardCharsets.UTF_8));
        BigInteger value = new BigInteger(1, Arrays.copyOf(digest, 16));
        char[] chars = new char[RANDOM_CHARS];
        for (int i = RANDOM_CHARS - 1; i >= 0; i--) {
            BigInteger[] division = value.divideAndRemainder(BASE62_RADIX);
            chars[i] = BASE62.charAt(division[1].intValue());
            value = division[0];
        }
        return prefix + new String(chars);
    }
}
