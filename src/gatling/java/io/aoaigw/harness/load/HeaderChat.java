package io.aoaigw.harness.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.aoaigw.harness.topology.Regions;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * The header-reading path: one chat as a plain HTTP request (the stream is read whole), so the answer's status and
 * headers are visible — {@code x-ms-region} (origin), {@code x-request-id}, and on 429 the advised wait. A 429 is
 * retried at most {@code retries.max} times, never before its advice: the wait is measured from the moment the 429
 * was handled to the moment the retry is sent, and a retry that would be early waits on. Every answer other than 200
 * is attributed to the layer that sent it ({@link ResponseLayer}); retries count against the layer whose 429 they
 * follow.
 */
final class HeaderChat {
    static final String REQUEST_NAME = "Chat (headers)";
    private static final String ATTEMPT = "attempt";
    private static final String DONE = "chatDone";
    private static final String RETRY_AT_NS = "retryAtNs";
    private static final String THROTTLED_AT_NS = "throttledAtNs";
    private static final String FIRST_THROTTLE_NS = "firstThrottleNs";
    private static final String ADVISED_NS = "advisedNs";
    private static final String THROTTLED_BY = "throttledBy";
    /** Answer header → the session key its value was saved under. */
    private static final java.util.Map<String, String> HEADER_KEYS = java.util.Map.of("x-ms-region", "region",
            "retry-after-ms", "retryAfterMs", "retry-after", "retryAfter", "policy-id", "policyId", "x-azure-ref",
            "azureRef", "content-type", "contentType", "azure-openai-deployment-utilization", "utilization");
    /** Answer headers and body start kept for {@link ResponseLayer}, removed before each attempt. */
    private static final java.util.List<String> SAVED = java.util.List.of("status", "region", "retryAfterMs",
            "retryAfter", "tokens", "promptTokens", "policyId", "azureRef", "contentType", "utilization", "bodyHead");

    private HeaderChat() {
    }

    static ChainBuilder chat(LoadRun run) {
        LoadProfile p = run.profile();
        return exec(session -> session.set(ATTEMPT, 0).set(DONE, false)).asLongAs(session -> !session.getBoolean(DONE))
                .on(doIf(session -> session.contains(RETRY_AT_NS)).then(waitForAdvice())
                        .exec(session -> beforeAttempt(run, session))
                        .doIf(session -> !session.getBoolean(DONE)).then(
                                exec(http(REQUEST_NAME).post(session -> ChatChains.path(p, session))
                                        .body(StringBody(session -> session.getString(ChatLedger.BODY)))
                                        .check(status().saveAs("status"),
                                                header("x-ms-region").optional().saveAs("region"),
                                                header("retry-after-ms").optional().saveAs("retryAfterMs"),
                                                header("retry-after").optional().saveAs("retryAfter"),
                                                regex("\"completion_tokens\":(\\d+)").optional().saveAs("tokens"),
                                                regex("\"prompt_tokens\":(\\d+)").optional().saveAs("promptTokens"),
                                                header("policy-id").optional().saveAs("policyId"),
                                                header("azure-openai-deployment-utilization").optional()
                                                        .saveAs("utilization"),
                                                header("x-azure-ref").optional().saveAs("azureRef"),
                                                header("content-type").optional().saveAs("contentType"),
                                                bodyString().transform(HeaderChat::head).saveAs("bodyHead"),
                                                status().in(200, 201)))
                                        .exec(session -> afterAttempt(run, session))
                                        .exec(new ReportLayer())))
                .exec(new ReportChat())
                .exec(run.holdWhenSpent());
    }

    /** Sleeps through the advised wait without blocking a thread: one pause, then short pauses until it is over. */
    private static ChainBuilder waitForAdvice() {
        return exec(pause(session -> untilRetry(session)))
                .asLongAs(session -> System.nanoTime() < session.getLong(RETRY_AT_NS))
                .on(pause(Duration.ofMillis(1)));
    }

    private static Duration untilRetry(Session session) {
        return Duration.ofNanos(Math.max(0, session.getLong(RETRY_AT_NS) - System.nanoTime()));
    }

    private static Session beforeAttempt(LoadRun run, Session session) {
        LoadSummary s = run.summary();
        int attempt = session.getInt(ATTEMPT);
        if (!run.takeRequest()) {
            // the request bound is reached: a chat never started is not a failure; a retried one is
            if (attempt > 0) {
                s.add(LoadSummary.FAILED_AFTER_RETRIES, 1);
                return ChatLedger.failed(run, session).set(DONE, true);
            }
            return session.set(DONE, true);
        }
        Session started = session;
        if (attempt == 0) {
            started = ChatLedger.begin(run, session);
        } else {
            long waited = System.nanoTime() - session.getLong(THROTTLED_AT_NS);
            s.add(LoadSummary.RETRIES, 1);
            s.add(LoadSummary.WAITED_MICROS, waited / 1000);
            Layer layer = Layer.valueOf(session.getString(THROTTLED_BY));
            s.layer(layer, LoadSummary.RETRIES, 1);
            if (waited < session.getLong(ADVISED_NS)) {
                s.add(LoadSummary.EARLY_RETRIES, 1);
                s.layer(layer, LoadSummary.EARLY_RETRIES, 1);
            }
        }
        for (String key : SAVED) {
            started = started.remove(key);
        }
        return started.set(ATTEMPT, attempt + 1).remove(RETRY_AT_NS).set(ReportLayer.SENT_MS,
                System.currentTimeMillis()).markAsSucceeded();
    }

    private static Session afterAttempt(LoadRun run, Session session) {
        long now = System.nanoTime();
        long nowMs = System.currentTimeMillis();
        LoadSummary s = run.summary();
        int status = session.contains("status") ? session.getInt("status") : 0;
        long sentMs = session.contains(ReportLayer.SENT_MS) ? session.getLong(ReportLayer.SENT_MS) : nowMs;
        if (status == 200 || status == 429) {
            // by the second it was sent, which is when the account admitted or refused it (the knee's clock)
            s.at(sentMs, status == 200 ? LoadSummary.ADMITTED_SENT : LoadSummary.THROTTLED_SENT, 1);
        }
        if (session.contains("utilization")) {
            // the account sets it on admission (or refusal), so it belongs to the second the request was sent
            s.utilisation(sentMs, text(session, "region"), text(session, "utilization"));
        }
        if (status == 200) {
            s.origin(text(session, "region"));
            s.at(nowMs, "origin:" + Regions.key(text(session, "region")), 1);
            long tokens = count(session, "tokens");
            s.add(LoadSummary.OUTPUT_TOKENS, tokens);
            s.at(nowMs, LoadSummary.OUTPUT_TOKENS, tokens);
            s.originTokens(nowMs, text(session, "region"), count(session, "promptTokens"), tokens);
            if (session.contains(FIRST_THROTTLE_NS)) {
                s.record(LoadSummary.RECOVERY, (now - session.getLong(FIRST_THROTTLE_NS)) / 1000);
            }
            return ChatLedger.ok(run, session, tokens).set(DONE, true);
        }
        Attribution by = attribution(session, status);
        s.attributed(by, status, nowMs);
        session = session.set(ReportLayer.NAME, ReportLayer.name(status, by)).set(ReportLayer.REASON, by.cause())
                .set(THROTTLED_BY, by.layer().name());
        if (status == 429) {
            s.add(LoadSummary.THROTTLED, 1);
            s.at(nowMs, LoadSummary.THROTTLED, 1);
            Session throttled = session.contains(FIRST_THROTTLE_NS) ? session : session.set(FIRST_THROTTLE_NS, now);
            OptionalLong advice = by.retryAfterMs();
            if (advice.isPresent() && session.getInt(ATTEMPT) <= run.profile().retries().max()) {
                long advisedNs = advice.getAsLong() * 1_000_000L;
                s.add(LoadSummary.ADVISED_MICROS, advisedNs / 1000);
                return throttled.set(THROTTLED_AT_NS, now).set(ADVISED_NS, advisedNs).set(RETRY_AT_NS, now + advisedNs);
            }
            s.add(LoadSummary.FAILED_AFTER_RETRIES, 1);
        }
        return ChatLedger.failed(run, session).set(DONE, true);
    }

    /** Who sent a refusal: no status at all (connection failed, timed out) is nobody's answer. */
    private static Attribution attribution(Session session, int status) {
        if (status == 0) {
            return new Attribution(Layer.UNKNOWN, "noAnswer", null, OptionalLong.empty());
        }
        return ResponseLayer.of(status, name -> HEADER_KEYS.containsKey(name)
                ? text(session, HEADER_KEYS.get(name)) : null, text(session, "bodyHead"));
    }

    private static String head(String body) {
        return body == null || body.length() <= ResponseLayer.BODY_PREFIX ? body
                : body.substring(0, ResponseLayer.BODY_PREFIX);
    }

    private static long count(Session session, String key) {
        return session.contains(key) ? Long.parseLong(text(session, key)) : 0;
    }

    private static String text(Session session, String key) {
        return session.contains(key) ? String.valueOf((Object) session.get(key)) : null;
    }
}
