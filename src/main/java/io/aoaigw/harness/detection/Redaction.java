package io.aoaigw.harness.detection;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Last line of defence for messages copied into reports: masks what looks like a key (32+ hex characters, the shape
 * of APIM and Azure OpenAI keys) or a bearer token (a JWT), whatever the check that wrote the message.
 */
final class Redaction {
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");
    private static final Pattern HEX_KEY = Pattern.compile("\\b[0-9a-fA-F]{32,}\\b");

    private Redaction() {
    }

    static String of(String text) {
        if (text == null) {
            return null;
        }
        return HEX_KEY.matcher(JWT.matcher(text).replaceAll("[token redacted]")).replaceAll("[key redacted]");
    }

    static List<String> all(List<String> texts) {
        return texts.stream().map(Redaction::of).toList();
    }
}
