package io.aoaigw.harness.emulator.apim.policy;

import java.time.Duration;

/**
 * The {@code forward-request} settings. Defaults are the policy reference's: {@code buffer-response="true"} (APIM then
 * returns a chunked answer in 8 KB pieces, or at end of stream, which turns a small SSE stream into one late blob)
 * and {@code timeout} 300 s for the backend's response headers.
 */
public record ForwardRequest(boolean bufferResponse, Duration timeout) {

    /** What APIM's global scope does when the API's policy says {@code <base/>} or has no backend section. */
    public static final ForwardRequest DEFAULT = new ForwardRequest(true, Duration.ofSeconds(300));

    /** How much APIM collects before it passes a buffered chunked answer on. */
    public static final int BUFFER_BYTES = 8 * 1024;
}
