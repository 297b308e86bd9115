package io.aoaigw.harness.topology;

/**
 * The deployment's content filter as far as it shapes answers: {@code streaming: tokens} (default) sends one content
 * frame per token, as every recorded stream does; {@code chunks} sends {@code chunkTokens} tokens per frame (default
 * 8; unconfirmed size), as the default filter is described to release text in chunks of several tokens.
 * {@code annotations: standard} (default) reports the four harm categories, as recorded for deployments with the
 * default filter; {@code full} adds what a filter with blocklists and the optional models reports (custom_blocklists,
 * jailbreak, profanity, protected material), as recorded for such a deployment.
 */
public record ContentFilter(Streaming streaming, Integer chunkTokens, Annotations annotations) {

    public enum Streaming { tokens, chunks }

    public enum Annotations { full, standard }

    public static final ContentFilter DEFAULT = new ContentFilter(null, null, null);

    public ContentFilter {
        streaming = Defaults.or(streaming, Streaming.tokens);
        chunkTokens = Defaults.or(chunkTokens, 8);
        annotations = Defaults.or(annotations, Annotations.standard);
    }

    /** Tokens per content frame. */
    public int tokensPerFrame() {
        return streaming == Streaming.chunks ? chunkTokens : 1;
    }
}
