package io.aoaigw.harness.load;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.function.ToIntFunction;

/**
 * Attributes to a layer the SSE chats refused before their first frame (Gatling's SSE client drops status and
 * headers). Those an account recorded (by {@code x-ms-client-request-id}) are the account's, with its status and
 * region. APIM and Front Door keep no client request id, so the others are matched by count: APIM's own answers
 * during the run (those it did not forward), less those the header path already attributed to APIM, are APIM's;
 * then Front Door's own error pages likewise; what is left is {@code unknown}. Exact whenever each layer's own
 * answers during the run went to this run's chats (an embedded target, or one that ran nothing else).
 */
public final class SseRefusals {
    /** Layer counter of SSE chats refused before their first frame, attributed to that layer. */
    public static final String SSE_REFUSED = "sseRefused";

    private SseRefusals() {
    }

    /** A refusal an account recorded: its status, error code and the account's region. */
    public static void byAccount(LoadSummary s, int status, String errorCode, String region, long epochMs) {
        add(s, new Attribution(Layer.ACCOUNT, errorCode == null ? String.valueOf(status) : errorCode, region,
                OptionalLong.empty()), status, epochMs);
    }

    /**
     * @param unmatchedEpochMs when each refusal no account recorded happened
     * @param apimOwnByStatus  APIM's own answers during the run by status; null when its records do not cover the run
     * @param frontDoorOwn     Front Door's own answers during the run by ErrorInfo
     * @param statusOf         the status Front Door sends for an ErrorInfo
     */
    public static void byCount(LoadSummary s, List<Long> unmatchedEpochMs, Map<Integer, Long> apimOwnByStatus,
                               Map<String, Long> frontDoorOwn, ToIntFunction<String> statusOf) {
        Deque<Long> left = new ArrayDeque<>(unmatchedEpochMs.stream().sorted().toList());
        if (apimOwnByStatus != null) {
            // 429s first: an SSE chat is far likelier refused by a limit than by a missing key
            Map<Integer, Long> byStatus = new TreeMap<>(java.util.Comparator.comparing((Integer x) -> x != 429)
                    .thenComparing(x -> x));
            byStatus.putAll(apimOwnByStatus);
            byStatus.forEach((status, n) -> assign(s, left, n - s.layerCount(Layer.APIM, "byStatus." + status),
                    new Attribution(Layer.APIM, String.valueOf(status), null, OptionalLong.empty()), status));
        }
        frontDoorOwn.forEach((info, n) -> assign(s, left, n - s.layerCount(Layer.FRONT_DOOR, "byCause." + info),
                new Attribution(Layer.FRONT_DOOR, info, null, OptionalLong.empty()), statusOf.applyAsInt(info)));
        while (!left.isEmpty()) {
            add(s, new Attribution(Layer.UNKNOWN, "unknown", null, OptionalLong.empty()), 0, left.poll());
        }
    }

    private static void assign(LoadSummary s, Deque<Long> left, long n, Attribution a, int status) {
        for (long i = 0; i < n && !left.isEmpty(); i++) {
            add(s, a, status, left.poll());
        }
    }

    private static void add(LoadSummary s, Attribution a, int status, long epochMs) {
        s.attributed(a, status, epochMs);
        s.layer(a.layer(), SSE_REFUSED, 1);
    }
}
