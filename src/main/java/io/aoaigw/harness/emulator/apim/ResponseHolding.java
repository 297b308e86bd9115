package io.aoaigw.harness.emulator.apim;

import io.aoaigw.harness.emulator.apim.policy.ForwardRequest;
import io.aoaigw.harness.topology.Apim;
import io.aoaigw.harness.topology.ApimApi;
import io.aoaigw.harness.topology.ApimDiagnostic;
import io.aoaigw.harness.topology.BufferingPolicies;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.WriteStream;
import java.util.ArrayList;
import java.util.List;

/**
 * What else in APIM holds a response or cuts it, for one API (Microsoft's SSE guidance for APIM): a diagnostic that
 * logs response bodies, {@code validate-content} on the response, or response caching makes APIM read the whole
 * answer and release it at once (a stream's first token arrives with its last); the load balancer's idle timeout
 * cuts a connection that sent nothing for {@code idleMs}, and the tier's total request limit (Consumption) cuts a
 * request that runs longer.
 */
final class ResponseHolding {
    private final List<String> reasons;
    private final long idleMs;
    private final long totalMs;

    ResponseHolding(List<String> reasons, long idleMs, long totalMs) {
        this.reasons = List.copyOf(reasons);
        this.idleMs = idleMs;
        this.totalMs = totalMs;
    }

    /** The holding in force for {@code api} of {@code apim}: its diagnostics (global or its own) and its policy. */
    static ResponseHolding of(Apim apim, ApimApi api) {
        List<String> reasons = new ArrayList<>();
        ApimDiagnostic.effective(apim.diagnostics(), api.id()).stream().filter(ApimDiagnostic::logsResponseBodies)
                .forEach(d -> reasons.add("diagnostic " + d.name() + " logs response bodies"));
        BufferingPolicies.in(api.policy()).forEach(f -> reasons.add(f.name()));
        return new ResponseHolding(reasons, apim.timeouts().idleMs(), apim.totalRequestLimitMs());
    }

    /** Why the answer is held whole; empty when it streams. */
    List<String> reasons() {
        return reasons;
    }

    /** The timers of one request; {@code cut} runs once when one fires. */
    StreamLimits limits(Vertx vertx, Runnable cut) {
        return new StreamLimits(vertx, idleMs, totalMs, cut);
    }

    /**
     * Where the backend's body goes: held whole, else in {@code buffer-response}'s 8 KB pieces, else straight on;
     * every byte that reaches the client keeps the connection from idling.
     */
    WriteStream<Buffer> toClient(WriteStream<Buffer> out, ForwardRequest settings, StreamLimits limits) {
        WriteStream<Buffer> wire = new ActiveWriteStream(out, limits);
        if (!reasons.isEmpty()) {
            return new BufferedWriteStream(wire, Integer.MAX_VALUE);
        }
        return settings.bufferResponse() ? new BufferedWriteStream(wire, ForwardRequest.BUFFER_BYTES) : wire;
    }

    /** Bytes written to the client restart the idle timer. */
    private static final class ActiveWriteStream extends ForwardingWriteStream {
        private final StreamLimits limits;

        ActiveWriteStream(WriteStream<Buffer> next, StreamLimits limits) {
            super(next);
            this.limits = limits;
        }

        @Override
        public io.vertx.core.Future<Void> write(Buffer chunk) {
            limits.active();
            return next.write(chunk);
        }
    }
}
