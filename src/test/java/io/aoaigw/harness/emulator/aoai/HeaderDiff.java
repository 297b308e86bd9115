package io.aoaigw.harness.emulator.aoai;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Compares the response headers of a recorded and an emulated answer: the same names (hop-by-hop headers, framing and
 * {@code date} excluded) and, where the value has a recognisable format, the same format: a region display name, a
 * UUID, a whole number, the echoed client request id, or the same fixed value.
 */
final class HeaderDiff {
    /** Hop-by-hop (RFC 9110 §7.6.1), framing and the date: they describe the connection, not the answer. */
    static final Set<String> EXCLUDED = Set.of("connection", "keep-alive", "proxy-connection", "te", "trailer",
            "transfer-encoding", "upgrade", "content-length", "date");
    /** Headers whose value is a fixed word in every recording: compared literally. */
    private static final Set<String> LITERAL = Set.of("cache-control", "x-accel-buffering", "policy-id",
            "apim-operation-name", "x-content-type-options", "strict-transport-security",
            "ms-azureml-model-error-reason", "ms-azureml-model-error-statuscode", "access-control-allow-origin");
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern NUMBER = Pattern.compile("\\d+");
    /** "Sweden Central", "East US 2": words starting with a capital letter or a digit. */
    private static final Pattern REGION_DISPLAY_NAME = Pattern.compile("[A-Z][A-Za-z]*( [A-Z0-9][A-Za-z0-9]*)*");
    private static final Pattern TOKEN = Pattern.compile("[\\w.-]+");

    private HeaderDiff() {
    }

    static void compare(Map<String, String> recorded, Map<String, String> emulated, String sentClientRequestId,
                        List<String> out) {
        recorded.forEach((name, value) -> {
            if (EXCLUDED.contains(name)) {
                return;
            }
            String other = emulated.get(name);
            if (other == null) {
                out.add("header missing: " + name);
            } else if (!sameFormat(name, value, other, sentClientRequestId)) {
                out.add("header format: " + name + ": recorded '" + value + "', emulated '" + other + "'");
            }
        });
        emulated.keySet().stream().filter(name -> !EXCLUDED.contains(name) && !recorded.containsKey(name))
                .sorted().forEach(name -> out.add("header extra: " + name));
        String apim = emulated.get("apim-request-id");
        if (apim != null && apim.equals(emulated.get("x-request-id"))) {
            out.add("header format: apim-request-id equals x-request-id");
        }
    }

    private static boolean sameFormat(String name, String recorded, String emulated, String sentClientRequestId) {
        if (name.equals("x-ms-client-request-id")) {
            return emulated.equals(sentClientRequestId);
        }
        if (name.equals("content-type")) {
            return mediaType(recorded).equals(mediaType(emulated));
        }
        if (name.equals("x-ms-region")) {
            return REGION_DISPLAY_NAME.matcher(emulated).matches();
        }
        if (LITERAL.contains(name)) {
            return recorded.equalsIgnoreCase(emulated);
        }
        for (Pattern format : List.of(UUID, NUMBER, TOKEN)) {
            if (format.matcher(recorded).matches()) {
                return format.matcher(emulated).matches();
            }
        }
        return true;
    }

    private static String mediaType(String contentType) {
        return contentType.split(";")[0].strip().toLowerCase(java.util.Locale.ROOT);
    }
}
