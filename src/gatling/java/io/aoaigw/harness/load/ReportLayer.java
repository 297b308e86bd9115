package io.aoaigw.harness.load;

import io.gatling.core.session.Session;

/**
 * On the header path, one event per answer other than 200 named by its status and the layer that sent it
 * ({@code Chat 429 (apim)}, {@code Chat 503 (frontDoor)}, {@code Chat 429 (account)}), so that Gatling's report shows
 * who refused; the reason is the layer's cause (policy, ErrorInfo, limit or error code). Always KO: no SLO is
 * asserted on these names, the per-chat {@link ReportChat} events carry the error SLO.
 */
final class ReportLayer extends StatsAction {
    /** Session keys: the attempt's send time (epoch ms) and, after a refusal, the event's name and reason. */
    static final String SENT_MS = "attemptSentMs";
    static final String NAME = "layerEvent";
    static final String REASON = "layerReason";

    static String name(int status, Attribution a) {
        return "Chat " + (status == 0 ? "no answer" : String.valueOf(status)) + " (" + a.layer().label() + ")";
    }

    @Override
    Session record(Session session, Events events) {
        if (!session.contains(NAME)) {
            return session;
        }
        long sent = (Long) session.attributes().get(SENT_MS).get();
        events.log((String) session.attributes().get(NAME).get(), sent, System.currentTimeMillis(), false,
                (String) session.attributes().get(REASON).get());
        return session.remove(NAME).remove(REASON);
    }
}
