package io.aoaigw.harness.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.doIfOrElse;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.substring;
import static io.gatling.javaapi.http.HttpDsl.sse;

import io.gatling.http.action.sse.SseInboundMessage;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The frame-timing path: one streamed chat over Gatling's SSE client, timed frame by frame (Gatling stamps each
 * inbound event at receipt, in milliseconds) into the run's summary and, as named requests, into the HTML report.
 * Gatling's SSE client cannot read answer headers, so origin, request id and 429 advice come from {@link HeaderChat}.
 * Its auto-reconnect is refused ({@link OneShotStream}): a cut stream is one failed chat, never a silent resend.
 * Each stream sends its own {@code x-ms-client-request-id}, by which {@link GroundTruthComparison} finds the account's
 * record of it after the run: the frame times compared are the very ones the report shows.
 */
final class ChatChains {
    static final String SENT_AT_MS = "sentAtMs";
    static final String TIMINGS = "streamTimings";
    static final String CLIENT_REQUEST_ID = "clientRequestId";
    private static final String FRAMES = "framesReceived";

    private ChatChains() {
    }

    /** Path of one chat of the profile: deployments round-robin by user. */
    static String path(LoadProfile p, Session session) {
        String deployment = p.deployments().get((int) (session.userId() % p.deployments().size()));
        return "/openai/deployments/" + deployment + "/chat/completions?api-version=2024-10-21";
    }

    static ChainBuilder sseChat(LoadRun run) {
        LoadProfile p = run.profile();
        Duration timeout = run.maxDuration();
        return doIf(session -> run.takeRequest()).then(
                exec(session -> started(run, session))
                        .exec(sse("Chat stream").sseName("chat").post(session -> path(p, session))
                                .header("x-ms-client-request-id", session -> session.getString(CLIENT_REQUEST_ID))
                                .body(StringBody(session -> session.getString(ChatLedger.BODY)))
                                .sign(OneShotStream::sign)
                                .await(timeout).on(sse.checkMessage("Stream to [DONE]").matching(substring("[DONE]"))))
                        .exec(sse.processUnmatchedMessages("chat", (messages, session) -> timed(run, messages,
                                session)))
                        .doIfOrElse(session -> session.contains(TIMINGS))
                        .then(exec(new ReportTimings(TIMINGS, SENT_AT_MS)))
                        .orElse(exec(session -> failed(run, session)))
                        .exec(new ReportChat())
                        .exec(sse("Close").sseName("chat").close()))
                .exec(run.holdWhenSpent());
    }

    private static Session started(LoadRun run, Session session) {
        return OneShotStream.arm(ChatLedger.begin(run, session)).set(CLIENT_REQUEST_ID, run.nextClientRequestId())
                .set(SENT_AT_MS, System.currentTimeMillis());
    }

    private static Session timed(LoadRun run, List<SseInboundMessage> messages, Session received) {
        Session session = received.set(FRAMES, messages.size());
        if (session.isFailed()) {
            return session;
        }
        long sentAt = session.getLong(SENT_AT_MS);
        List<StreamFrame> frames = new ArrayList<>(messages.size());
        for (SseInboundMessage m : messages) {
            frames.add(new StreamFrame(m.timestamp() * 1000, ChunkFacts.eventData(m.message())));
        }
        // [DONE] was consumed by the check that awaited it; the usage frame before it, written at once, ends the stream
        long now = System.currentTimeMillis();
        StreamTimings t = StreamTimings.of(sentAt * 1000, frames);
        if (t == null) {
            return session;
        }
        run.summary().stream(t, now);
        run.accuracy().add(AccuracyReport.Measured.of(session.getString(CLIENT_REQUEST_ID), sentAt * 1000, t));
        return ChatLedger.ok(run, session, t.outputTokens()).set(TIMINGS, t);
    }

    /**
     * A chat without a timed stream, counted once by what happened: its stream was cut (Gatling tried to resend it),
     * no frame came at all (the connection was refused: Gatling's SSE client drops the status and headers of a
     * non-200 answer, so a 429 is not told apart here), or frames came but not the end (timeout, early end).
     */
    private static Session failed(LoadRun run, Session session) {
        int frames = session.contains(FRAMES) ? session.getInt(FRAMES) : 0;
        boolean refused = !OneShotStream.wasCut(session) && frames == 0;
        run.summary().add(OneShotStream.wasCut(session) ? LoadSummary.STREAMS_CUT
                : refused ? LoadSummary.SSE_REFUSED : LoadSummary.STREAMS_INCOMPLETE, 1);
        if (refused) {
            run.refusedBeforeFirstFrame(session.getString(CLIENT_REQUEST_ID));
        }
        return ChatLedger.failed(run, session);
    }
}
