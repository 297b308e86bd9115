package io.aoaigw.harness.load;

import io.gatling.javaapi.core.Session;

/**
 * Where a chat of either path is counted, once: its start (with its request class and prompt size), and its end as
 * OK or failed — in the summary's totals, its timeline and its request class, and as the chat's outcome for the
 * per-chat "Chat" event ({@link ReportChat}).
 */
final class ChatLedger {
    static final String BODY = "chatBody";
    static final String CLASS = "chatClass";

    private ChatLedger() {
    }

    /** Picks the chat's body (a replayed prompt or a synthetic one) and counts the chat as started. */
    static Session begin(LoadRun run, Session session) {
        PromptReplay.Next next = run.nextBody();
        LoadSummary s = run.summary();
        s.add(LoadSummary.CHATS, 1);
        s.requestClass(next.requestClass(), LoadSummary.CHATS, 1);
        s.requestClass(next.requestClass(), LoadSummary.PROMPT_TOKENS, next.promptTokens());
        return session.set(BODY, next.body()).set(CLASS, next.requestClass())
                .set(ReportChat.STARTED_MS, System.currentTimeMillis());
    }

    static Session ok(LoadRun run, Session session, long outputTokens) {
        LoadSummary s = run.summary();
        s.add(LoadSummary.OK, 1);
        s.at(System.currentTimeMillis(), LoadSummary.OK, 1);
        s.requestClass(session.getString(CLASS), LoadSummary.OK, 1);
        s.requestClass(session.getString(CLASS), LoadSummary.OUTPUT_TOKENS, outputTokens);
        return session.set(ReportChat.OUTCOME, true);
    }

    static Session failed(LoadRun run, Session session) {
        LoadSummary s = run.summary();
        s.add(LoadSummary.FAILED, 1);
        s.at(System.currentTimeMillis(), LoadSummary.FAILED, 1);
        s.requestClass(session.getString(CLASS), LoadSummary.FAILED, 1);
        return session.set(ReportChat.OUTCOME, false);
    }
}
