package io.aoaigw.harness.load;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What each chat sends: its body (a replayed prompt when the profile names a prompts file, else a synthetic prompt
 * of the profile's shape) and its {@code x-ms-client-request-id}, unique to the run, by which ground truth finds it.
 */
final class ChatBodies {
    private final LoadProfile profile;
    private final PromptReplay replay;
    private final String runTag = Long.toHexString(ThreadLocalRandom.current().nextLong());
    private final AtomicLong chatSeq = new AtomicLong();

    ChatBodies(LoadProfileLoader.Loaded loaded) {
        this.profile = loaded.profile();
        this.replay = loaded.prompts().isEmpty() ? null
                : new PromptReplay(loaded.prompts(), profile.prompts(), profile.shape().outputTokens());
    }

    boolean replays() {
        return replay != null;
    }

    PromptReplay.Next next() {
        if (replay != null) {
            return replay.next();
        }
        LoadProfile.Shape shape = profile.shape();
        String body = ChatRequests.body(ChatRequests.prompt(ThreadLocalRandom.current().nextLong(1L << 40),
                shape.inputTokens()), shape.outputTokens(), profile.streaming());
        return new PromptReplay.Next(body, "synthetic", shape.inputTokens());
    }

    String nextClientRequestId() {
        return "harness-" + runTag + "-" + chatSeq.incrementAndGet();
    }
}
