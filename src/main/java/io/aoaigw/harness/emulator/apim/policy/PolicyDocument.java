package io.aoaigw.harness.emulator.apim.policy;

import java.util.List;

/**
 * An API's parsed policy: the inbound and outbound pipelines, how the backend is called ({@code forward} null: the
 * backend section forwards nothing, as APIM does without {@code forward-request}) and what the emulator keeps without
 * executing.
 */
public record PolicyDocument(List<InboundPolicy> inbound, ForwardRequest forward, List<OutboundPolicy> outbound,
                             List<UnsupportedPolicyElement> unsupported) {

    public PolicyDocument {
        inbound = List.copyOf(inbound);
        outbound = List.copyOf(outbound);
        unsupported = List.copyOf(unsupported);
    }
}
