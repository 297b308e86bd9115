package io.aoaigw.harness.inventory;

/**
 * An APIM diagnostic as ARM lists it: its name (the logger kind), the API it belongs to (null: all APIs), its logger,
 * and the body bytes it logs of requests and responses on the client's side (frontend) and the backend's.
 */
public record DiagnosticInfo(String name, String apiId, String loggerId, int frontendRequestBytes,
                             int frontendResponseBytes, int backendRequestBytes, int backendResponseBytes) {

    /** Logging response bodies makes APIM read a whole response before passing it on. */
    public boolean logsResponseBodies() {
        return frontendResponseBytes > 0 || backendResponseBytes > 0;
    }

    /** Where it is set, for fix messages: "diagnostic azuremonitor of all APIs" / "… of API azure-openai". */
    public String where() {
        return "diagnostic " + name + " of " + (apiId == null ? "all APIs" : "API " + apiId);
    }
}
