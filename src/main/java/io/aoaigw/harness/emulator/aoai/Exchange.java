package io.aoaigw.harness.emulator.aoai;

import io.aoaigw.harness.emulator.aoai.RequestRecord.AuthKind;
import io.aoaigw.harness.emulator.aoai.RequestRecord.Outcome;
import io.aoaigw.harness.host.EpochMicros;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.internal.buffer.BufferInternal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One request and its answer: writes the headers every answer carries, and records what happened so that the
 * exchange ends as exactly one {@link RequestRecord} in ground truth and one count per counter.
 */
final class Exchange {
    /** Request headers whose presence ground truth records (never their values). */
    static final List<String> WATCHED_HEADERS = List.of("api-key", "authorization", "ocp-apim-subscription-key",
            "x-ms-client-request-id", "x-azure-fdid", "x-azure-clientip", "x-azure-socketip", "x-forwarded-for",
            "x-forwarded-host", "x-forwarded-proto", "x-fd-healthprobe", "via");

    final HttpServerRequest request;
    final HttpServerResponse response;
    final String id = RequestIds.next();
    final long arrivalNanos = System.nanoTime();
    private final AccountState state;
    private final List<String> presentHeaders;

    Operation.Route route;
    String apiVersion;
    boolean stream;
    AuthKind authKind = AuthKind.NONE;
    String objectId;
    Integer promptTokens;
    Integer completionTokens;
    String finishReason;
    private int status;
    private String errorCode;
    private long[] frames;
    private int frameCount;
    private long[] contentFrames;
    private int contentCount;
    private boolean finished;
    private Runnable onFinish;

    Exchange(HttpServerRequest request, AccountState state) {
        this.request = request;
        this.response = request.response();
        this.state = state;
        this.presentHeaders = present(request.headers());
    }

    /**
     * The headers of every answer, probes included, as recorded live (src/test/resources/recordings): the region's
     * display name, the request id and a distinct {@code apim-request-id} of the API gateway in front of the model,
     * the security headers of Azure's edge, and the client's own id echoed.
     */
    static void commonHeaders(HttpServerRequest request, String region, String requestId) {
        MultiMap headers = request.response().headers();
        headers.set("x-ms-region", RegionNames.displayName(region));
        headers.set("x-request-id", requestId);
        headers.set("apim-request-id", RequestIds.next());
        headers.set("strict-transport-security", "max-age=31536000; includeSubDomains; preload");
        headers.set("x-content-type-options", "nosniff");
        String clientRequestId = request.getHeader("x-ms-client-request-id");
        if (clientRequestId != null) {
            headers.set("x-ms-client-request-id", clientRequestId);
        }
    }

    /** Sets the status and headers of the answer (they go out with the first write). */
    void head(int status, String contentType, Map<String, String> extra) {
        this.status = status;
        commonHeaders(request, state.account().region(), id);
        response.setStatusCode(status).putHeader("content-type", contentType);
        extra.forEach(response::putHeader);
        if (route != null && (status == 200 || extra.containsKey(ErrorReply.MODEL_ERROR_REASON))) {
            // answered by the model service: its session header, and on chat answers its anti-buffering headers
            response.putHeader("azureml-model-session", state.modelSession(route.deploymentId()));
            if (status == 200 && route.operation() == Operation.CHAT_COMPLETIONS) {
                response.putHeader("cache-control", "must-revalidate, no-cache").putHeader("x-accel-buffering", "no");
            }
            if (stream) {
                response.putHeader("x-ms-rai-invoked", "true"); // recorded on streamed chat answers since 2024-04
            }
        }
        state.counters().answered(status);
    }

    void sendJson(int status, String body, Map<String, String> extra) {
        head(status, "application/json", extra);
        finish(Outcome.COMPLETED);
        response.end(body);
    }

    void sendError(ErrorReply reply) {
        errorCode = reply.code();
        sendJson(reply.status(), reply.body(), reply.headers());
    }

    private boolean corked;
    /** While corked: the first frame as is; from the second frame on, all of them as parts of one composite. */
    private Buffer first;
    private CompositeByteBuf gathered;

    /** Prepares per-frame timing for a stream of a known number of frames. */
    void expectFrames(int frames, int contentFrames) {
        this.frames = new long[frames];
        this.contentFrames = new long[contentFrames];
    }

    /**
     * From now until {@link #uncork()}, frames are gathered and then written as one buffer: frames due at the same
     * moment (an unpaced answer, or a stream catching up) cost one write and one flush instead of one each. A lone
     * frame (the paced case) is written as it is, without a copy.
     */
    void cork() {
        corked = true;
    }

    /** Writes what was gathered since {@link #cork()}; must run before the response ends or is reset. */
    void uncork() {
        Buffer out = gathered != null ? BufferInternal.buffer(gathered) : first;
        corked = false;
        first = null;
        gathered = null;
        if (out != null && out.length() > 0) {
            response.write(out);
        }
    }

    void write(Buffer frame, boolean content) {
        if (!corked) {
            response.write(frame);
        } else if (first == null) {
            first = frame;
        } else {
            // the frames' own bytes, not a copy: copying into one growing buffer was a quarter of an unpaced
            // answer's CPU (JFR), and the socket takes a composite in one gathering write. Vert.x heap buffers are
            // not reference-counted, so the composite's release after the write frees nothing a frame still needs.
            if (gathered == null) {
                gathered = Unpooled.compositeBuffer(Integer.MAX_VALUE);
                gathered.addComponent(true, ((BufferInternal) first).unwrap());
            }
            gathered.addComponent(true, ((BufferInternal) frame).unwrap());
        }
        long now = EpochMicros.now();
        if (frameCount < frames.length) {
            frames[frameCount++] = now;
        }
        if (content && contentCount < contentFrames.length) {
            contentFrames[contentCount++] = now;
        }
    }

    int contentFramesWritten() {
        return contentCount;
    }

    /** Runs once when the exchange ends, whatever its outcome (a provisioned deployment settles its estimate). */
    void onFinish(Runnable action) {
        this.onFinish = action;
    }

    boolean finished() {
        return finished;
    }

    /**
     * Ends the exchange once: the record goes to ground truth. Called before the last write, so a close handler run
     * by that write cannot record the exchange as abandoned.
     */
    void finish(Outcome outcome) {
        if (finished) {
            return;
        }
        finished = true;
        if (onFinish != null) {
            onFinish.run();
        }
        if (outcome == Outcome.CLIENT_DISCONNECTED) {
            state.counters().clientDisconnected();
        }
        state.counters().ended(outcome, status);
        long[] allFrames = frames == null ? null : Arrays.copyOf(frames, frameCount);
        long[] content = contentFrames == null ? null : Arrays.copyOf(contentFrames, contentCount);
        state.groundTruth().add(RequestRecord.builder(id)
                .request(clientRequestId(), route == null ? null : route.operation().azureName(),
                        route == null ? null : route.deploymentId(), apiVersion, stream)
                .arrived(EpochMicros.of(arrivalNanos))
                .answer(status, errorCode)
                .credential(authKind, objectId, presentHeaders)
                .tokens(promptTokens, completionTokens, finishReason)
                .frames(allFrames, content)
                .completed(EpochMicros.now(), outcome)
                .build());
    }

    /** The client's correlation id, bounded so that a hostile header cannot bloat ground truth. */
    private String clientRequestId() {
        String value = request.getHeader("x-ms-client-request-id");
        return value == null || value.length() <= 256 ? value : value.substring(0, 256);
    }

    private static List<String> present(MultiMap headers) {
        List<String> present = new ArrayList<>(2);
        for (String name : WATCHED_HEADERS) {
            if (headers.contains(name)) {
                present.add(name);
            }
        }
        return List.copyOf(present);
    }
}
