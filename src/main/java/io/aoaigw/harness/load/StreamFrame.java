package io.aoaigw.harness.load;

/**
 * One SSE frame as the client received it: when (microseconds, any clock shared with the request's send time) and its
 * {@code data:} payload.
 */
public record StreamFrame(long atMicros, String data) {
}
