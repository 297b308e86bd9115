package io.aoaigw.harness.load;

/** Request bodies of the simulations; Gatling EL ({@code #{...}}) inside the prompt is kept. */
final class ChatRequests {
    private ChatRequests() {
    }

    static String streaming(String prompt, int maxTokens) {
        return "{\"messages\":[{\"role\":\"user\",\"content\":\"" + prompt + "\"}],"
                + "\"max_tokens\":" + maxTokens + ",\"stream\":true,\"stream_options\":{\"include_usage\":true}}";
    }
}
