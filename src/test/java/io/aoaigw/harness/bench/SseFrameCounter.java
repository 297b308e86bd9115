package io.aoaigw.harness.bench;

import io.vertx.core.buffer.Buffer;

/** Counts SSE events (terminated by a blank line) across chunk boundaries; notes whether the last was [DONE]. */
final class SseFrameCounter {
    int count;
    boolean lastWasDone;
    private byte previous;
    private final byte[] tail = new byte[16];
    private int tailLength;

    void scan(Buffer buf) {
        int n = buf.length();
        for (int i = 0; i < n; i++) {
            byte b = buf.getByte(i);
            if (b == '\n' && previous == '\n') {
                count++;
                lastWasDone = endsWithDone();
                tailLength = 0;
            } else if (b != '\n') {
                tail[tailLength % tail.length] = b;
                tailLength++;
            }
            previous = b;
        }
    }

    private boolean endsWithDone() {
        byte[] done = "[DONE]".getBytes();
        if (tailLength < done.length) {
            return false;
        }
        for (int k = 0; k < done.length; k++) {
            if (tail[(tailLength - done.length + k) % tail.length] != done[k]) {
                return false;
            }
        }
        return true;
    }
}
