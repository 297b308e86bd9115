package io.aoaigw.harness.emulator.aoai;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The differences from the recordings that the emulator keeps on purpose, each with its reason (mirrored, by id, in
 * docs/conformance.md). A difference matches an entry when the recording's name matches {@code recordings} and the
 * difference line matches {@code difference}.
 */
final class DeliberateDifferences {
    record Entry(String id, Pattern recordings, Pattern difference, String reason) {
    }

    static final List<Entry> ENTRIES = List.of(
            entry("D1", ".", "header missing: access-control-allow-origin",
                    "Access-Control-Allow-Origin: * is on the model's answers recorded in 2024-03/04 and gone from the"
                            + " 2024-10 and 2025-02 recordings; the emulator follows the recent ones."),
            entry("D2", ".", "header extra: x-request-id",
                    "Azure leaves x-request-id off the platform's own 404 and 429; the emulator sends it on every"
                            + " answer because it is the key of the request's ground truth (admin API, contract"
                            + " suites, load)."),
            entry("D3", "testChatCompletionStreamContentFiltering", "frame (ROLE|CONTENT|FINISH): .*(logprobs|"
                            + "system_fingerprint|delta\\.content): extra|header extra: (azureml-model-session|"
                            + "x-ms-rai-invoked|x-ratelimit-remaining-requests|x-ratelimit-remaining-tokens)",
                    "Recorded in 2023-11 with api-version 2023-12-01-preview: frames without logprobs and"
                            + " system_fingerprint, a role frame without content, fewer headers. The emulator answers"
                            + " every api-version it accepts with the fields of the 2024 and later recordings."),
            entry("D4", "OpenAIAsyncClientTest.testGetChatCompletionsStream", "header extra: x-ms-rai-invoked",
                    "x-ms-rai-invoked: true is on every streamed answer recorded since 2024-04, not on this"
                            + " 2024-03 one; the emulator follows the recent ones."),
            entry("D5", "OpenAIAsyncClientTest.testGetChatCompletionsStream",
                    "frame FINISH: \\$\\.choices\\[\\]\\.delta\\.content: missing",
                    "The finish frame's delta is {\"content\":null} in this 2024-03 recording and {} in the 2024-04"
                            + " and 2025 ones; the emulator sends {}."),
            entry("D6", "OpenAISyncClientTest.testGetChatCompletionsStreamUsage",
                    "header missing: x-aml-cluster|header extra: cache-control",
                    "The 2025-02 stream names Azure's internal serving cluster (x-aml-cluster), nothing a client can"
                            + " use, and has no Cache-Control, which every 2024 chat answer carries; the emulator"
                            + " keeps Cache-Control: must-revalidate, no-cache on chat answers."),
            entry("D7", "OpenAISyncClientTest.testGetChatCompletionsStream",
                    "header missing: cmp-upstream-response-duration",
                    "Azure's internal upstream timing, in one 2024-04 recording only."));

    private DeliberateDifferences() {
    }

    /** The id of the entry that explains this difference, or null. */
    static String idOf(String recording, String difference) {
        for (Entry entry : ENTRIES) {
            if (entry.recordings().matcher(recording).find() && entry.difference().matcher(difference).matches()) {
                return entry.id();
            }
        }
        return null;
    }

    static List<String> ids() {
        return ENTRIES.stream().map(Entry::id).toList();
    }

    private static Entry entry(String id, String recordings, String difference, String reason) {
        return new Entry(id, Pattern.compile(recordings), Pattern.compile(difference), reason);
    }
}
