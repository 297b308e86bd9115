package io.aoaigw.harness.emulator.frontdoor;

import io.netty.handler.codec.DecoderException;
import io.vertx.core.http.HttpClosedException;
import java.io.IOException;
import java.net.ConnectException;

/** A failed attempt at an origin, classified as Front Door's access log would. */
final class OriginFailure extends RuntimeException {
    final ErrorInfo error;

    OriginFailure(ErrorInfo error) {
        super(error.name(), null, false, false);
        this.error = error;
    }

    static OriginFailure of(Throwable cause) {
        return new OriginFailure(classify(cause));
    }

    private static ErrorInfo classify(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof OriginFailure f) {
                return f.error;
            }
            if (t instanceof ConnectException) {
                return ErrorInfo.OriginConnectionRefused;
            }
            if (t instanceof DecoderException) {
                return ErrorInfo.OriginInvalidResponse;
            }
            if (t instanceof HttpClosedException || t instanceof IOException) {
                return ErrorInfo.OriginConnectionAborted;
            }
        }
        return ErrorInfo.OriginConnectionError;
    }
}
