package io.aoaigw.harness.emulator.aoai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shape of a streamed chat answer: the sequence of frame kinds (a run of content frames counts once, as
 * {@code CONTENT+}), and for each kind the JSON shape of its first frame.
 */
final class SseShape {
    enum Kind { PROMPT_FILTER, ROLE, CONTENT, FINISH, USAGE, DONE }

    private static final ObjectMapper JSON = new ObjectMapper();

    private SseShape() {
    }

    static void compare(List<String> recorded, List<String> emulated, List<String> out) {
        Map<Kind, JsonNode> recordedFirst = new LinkedHashMap<>();
        Map<Kind, JsonNode> emulatedFirst = new LinkedHashMap<>();
        List<String> recordedKinds = kinds(recorded, recordedFirst);
        List<String> emulatedKinds = kinds(emulated, emulatedFirst);
        if (!recordedKinds.equals(emulatedKinds)) {
            out.add("frames: recorded " + recordedKinds + ", emulated " + emulatedKinds);
        }
        recordedFirst.forEach((kind, frame) -> {
            JsonNode other = emulatedFirst.get(kind);
            if (other != null && kind != Kind.DONE) {
                ShapeDiff.compare("frame " + kind, frame, other, out);
            }
        });
    }

    private static List<String> kinds(List<String> events, Map<Kind, JsonNode> first) {
        List<String> kinds = new ArrayList<>();
        for (String event : events) {
            JsonNode frame = event.equals("[DONE]") ? null : parse(event);
            Kind kind = frame == null ? Kind.DONE : kindOf(frame);
            first.putIfAbsent(kind, frame);
            String label = kind == Kind.CONTENT ? "CONTENT+" : kind.name();
            if (!(kind == Kind.CONTENT && !kinds.isEmpty() && kinds.get(kinds.size() - 1).equals(label))) {
                kinds.add(label);
            }
        }
        return kinds;
    }

    static Kind kindOf(JsonNode frame) {
        JsonNode choices = frame.path("choices");
        if (choices.isEmpty()) {
            return frame.path("usage").isObject() ? Kind.USAGE : Kind.PROMPT_FILTER;
        }
        JsonNode choice = choices.get(0);
        if (choice.path("delta").has("role")) {
            return Kind.ROLE;
        }
        return choice.path("finish_reason").isTextual() ? Kind.FINISH : Kind.CONTENT;
    }

    private static JsonNode parse(String event) {
        try {
            return JSON.readTree(event);
        } catch (IOException e) {
            throw new UncheckedIOException("not a JSON frame: " + event, e);
        }
    }
}
