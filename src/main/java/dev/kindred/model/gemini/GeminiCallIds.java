package dev.kindred.model.gemini;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Gemini function calls carry no id, so we make a stable one from the call itself. A call's
 * {@code thoughtSignature}, which Gemini wants back with the call in later turns, rides along in the
 * id after {@link #SIGNATURE}, so no other record has to know about it.
 */
final class GeminiCallIds {
    static final String SIGNATURE = "#sig:";

    private GeminiCallIds() {}

    static String id(int index, String name, String args, Optional<String> signature) {
        String digest = sha256(index + "\n" + name + "\n" + args).substring(0, 16);
        return "gemini_" + digest + signature.map(s -> SIGNATURE + s).orElse("");
    }

    static Optional<String> signature(String id) {
        int at = id.indexOf(SIGNATURE);
        return at < 0 ? Optional.empty() : Optional.of(id.substring(at + SIGNATURE.length()));
    }

    private static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
