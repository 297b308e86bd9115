package io.aoaigw.harness.load;

/** Request bodies of the simulations; Gatling EL ({@code #{...}}) inside the prompt is kept. */
final class ChatRequests {
    private ChatRequests() {
    }

    static String body(String prompt, int maxTokens, boolean stream) {
        return "{\"messages\":[{\"role\":\"user\",\"content\":\"" + prompt + "\"}],"
                + "\"max_tokens\":" + maxTokens + ",\"stream\":" + stream
                + (stream ? ",\"stream_options\":{\"include_usage\":true}" : "") + "}";
    }

    /**
     * A prompt of about {@code tokens} tokens: a unique opening (so every chat gets its own answer) and filler words
     * of one token each.
     */
    static String prompt(long unique, int tokens) {
        StringBuilder sb = new StringBuilder("Chat ").append(unique).append(':');
        for (int i = 3; i < tokens; i++) {
            sb.append(" word");
        }
        return sb.toString();
    }
}
