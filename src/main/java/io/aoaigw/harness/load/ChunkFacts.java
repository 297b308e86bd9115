package io.aoaigw.harness.load;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * What the timings need of one streamed frame — does {@code choices[0].delta.content} carry text, and the usage
 * frame's {@code completion_tokens} — and the {@code data} of Gatling's JSON rendering of an SSE event. Both are read
 * with Jackson's streaming parser, never as a tree: the injector reads tens of thousands of frames a second, and a
 * tree per frame (built twice) was most of what it allocated, so most of its collector's pauses, which land on the
 * frames' receipt times as ITL error.
 *
 * @param content          the first choice's {@code delta.content} is a non-empty string
 * @param completionTokens {@code usage.completion_tokens} when present (non-numbers read as 0), else null
 */
record ChunkFacts(boolean content, Integer completionTokens) {
    private static final JsonFactory JSON = new JsonFactory();

    /** Null when {@code json} is not JSON. */
    static ChunkFacts of(String json) {
        try (JsonParser p = JSON.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            boolean content = false;
            Integer tokens = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if ("choices".equals(field) && value == JsonToken.START_ARRAY) {
                    content = firstChoiceHasContent(p);
                } else if ("usage".equals(field) && value == JsonToken.START_OBJECT) {
                    Integer found = completionTokens(p);
                    tokens = found != null ? found : tokens;
                } else {
                    p.skipChildren();
                }
            }
            return new ChunkFacts(content, tokens); // what follows the object is ignored, as a tree read does
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * The {@code data} of Gatling's rendering of an event ({@code {"data": …}}): a JSON payload as its own text, a
     * string as is; "" when absent, null, or the rendering is not JSON.
     */
    static String eventData(String eventJson) {
        try (JsonParser p = JSON.createParser(eventJson)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return "";
            }
            String data = "";
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                boolean isData = "data".equals(p.currentName());
                JsonToken value = p.nextToken();
                if (!isData) {
                    p.skipChildren();
                } else if (value.isStructStart()) {
                    int from = (int) p.currentTokenLocation().getCharOffset();
                    p.skipChildren();
                    data = eventJson.substring(from, (int) p.currentTokenLocation().getCharOffset() + 1);
                } else {
                    data = value == JsonToken.VALUE_NULL ? "" : p.getText();
                }
            }
            return data;
        } catch (IOException e) {
            return "";
        }
    }

    /** At the choices array's start; leaves the parser at its end. */
    private static boolean firstChoiceHasContent(JsonParser p) throws IOException {
        boolean content = false;
        boolean first = true;
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (first && t == JsonToken.START_OBJECT) {
                content = deltaHasContent(p);
            } else {
                p.skipChildren();
            }
            first = false;
        }
        return content;
    }

    /** At a choice's start; leaves the parser at its end. */
    private static boolean deltaHasContent(JsonParser p) throws IOException {
        boolean content = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            if ("delta".equals(field) && value == JsonToken.START_OBJECT) {
                content = false;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String inner = p.currentName();
                    JsonToken v = p.nextToken();
                    if ("content".equals(inner)) {
                        content = v == JsonToken.VALUE_STRING && p.getTextLength() > 0;
                    } else {
                        p.skipChildren();
                    }
                }
            } else {
                if ("delta".equals(field)) {
                    content = false;
                }
                p.skipChildren();
            }
        }
        return content;
    }

    /** At the usage object's start; leaves the parser at its end. */
    private static Integer completionTokens(JsonParser p) throws IOException {
        Integer tokens = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            boolean wanted = "completion_tokens".equals(p.currentName());
            p.nextToken();
            if (wanted) {
                tokens = p.getValueAsInt(0);
            }
            p.skipChildren();
        }
        return tokens;
    }
}
