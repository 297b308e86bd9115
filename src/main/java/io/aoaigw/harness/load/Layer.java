package io.aoaigw.harness.load;

/** The layer of the chain (client → APIM → Front Door → account) that produced an answer. */
public enum Layer {
    APIM("apim"),
    FRONT_DOOR("frontDoor"),
    ACCOUNT("account"),
    /** No layer's fingerprint: a proxy of the caller's own, a reset connection, or a shape not known yet. */
    UNKNOWN("unknown");

    private final String label;

    Layer(String label) {
        this.label = label;
    }

    /** The name used in summaries and Gatling request names. */
    public String label() {
        return label;
    }
}
