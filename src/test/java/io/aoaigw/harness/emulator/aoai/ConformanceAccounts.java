package io.aoaigw.harness.emulator.aoai;

import io.aoaigw.harness.topology.Account;
import io.aoaigw.harness.topology.ContentFilter;
import io.aoaigw.harness.topology.Deployment;
import io.aoaigw.harness.topology.Faults;
import io.aoaigw.harness.topology.GeneratedKeys;
import io.aoaigw.harness.topology.RateLimit;
import java.util.List;

/** The emulated accounts the recordings are replayed against: the recorded deployments, in the recorded region. */
final class ConformanceAccounts {
    /** The recorded gpt-4-1106-preview deployment reports blocklists, jailbreak, profanity and protected material. */
    private static final ContentFilter FULL_ANNOTATIONS = new ContentFilter(null, null,
            ContentFilter.Annotations.full);

    private ConformanceAccounts() {
    }

    /** Every deployment the recordings call, with quotas no replay reaches. */
    static Account recordedDeployments() {
        return account(List.of(chat("gpt-35-turbo-1106", "gpt-35-turbo", "1106"),
                chat("gpt-4-1106-preview", "gpt-4", "1106-Preview").withContentFilter(FULL_ANNOTATIONS),
                chat("gpt-4", "gpt-4", "0613"),
                chat("gpt-4o", "gpt-4o", "2024-08-06"), embeddings(1_000_000, 100_000)));
    }

    /**
     * The recorded embeddings deployment at the smallest quota, so that a second request within seconds is refused,
     * with 429s carrying only {@code retry-after}, as in the recording.
     */
    static Account throttledEmbeddings() {
        return account(List.of(embeddings(1_000, 6).withRateLimit(new RateLimit(null, null, null, null, false))));
    }

    static EmulatorSettings settings() {
        return EmulatorSettings.DEFAULTS.withEventLoops(1);
    }

    private static Deployment chat(String id, String model, String version) {
        return new Deployment(id, model, version, Deployment.Kind.chat, null, 1_000_000, 100_000, null,
                new Deployment.Completion(20, 40), null);
    }

    private static Deployment embeddings(int tpm, int rpm) {
        return new Deployment("text-embedding-ada-002", "text-embedding-ada-002", "2", Deployment.Kind.embeddings,
                null, tpm, rpm, 1536, null, null);
    }

    private static Account account(List<Deployment> deployments) {
        return new Account("aoai-recorded", "swedencentral", 0, List.of(GeneratedKeys.newKey(), GeneratedKeys.newKey()),
                TestAccounts.FAST, Faults.NONE, deployments);
    }
}
