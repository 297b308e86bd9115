package io.aoaigw.harness.emulator.frontdoor;

/**
 * Why Front Door answered on its own, named as in the {@code ErrorInfo} field of Azure Front Door's access log,
 * with the status the client sees. OriginTimeout → 504 is documented; the 503s for the connection errors follow
 * the troubleshooting guide's "503 … ErrorInfo: OriginInvalidResponse" and are otherwise unconfirmed.
 */
public enum ErrorInfo {
    /** The origin did not send response headers within the origin response timeout. */
    OriginTimeout(504),
    /** The TCP connection to the origin could not be established (refused, unreachable). */
    OriginConnectionRefused(503),
    /** The connection was closed or reset before the response headers arrived. */
    OriginConnectionAborted(503),
    /** The origin's answer was not valid HTTP. */
    OriginInvalidResponse(503),
    /** Any other failure talking to the origin. */
    OriginConnectionError(503),
    /** No origin can be chosen: every origin of the group is disabled. */
    UnspecifiedError(503),
    /**
     * No enabled route on the default domain matches the path (Front Door's 404 page; the ErrorInfo name is
     * unconfirmed).
     */
    NoMatchingRoute(404);

    private final int status;

    ErrorInfo(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }
}
