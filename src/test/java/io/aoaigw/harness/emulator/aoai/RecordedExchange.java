package io.aoaigw.harness.emulator.aoai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One HTTP exchange of an Azure SDK live-test recording (src/test/resources/recordings): the request as sent and the
 * answer Azure gave. {@code name} is the file name, with {@code #n} for the n-th exchange of a file with several.
 */
record RecordedExchange(String name, String pathAndQuery, String apiVersion, String authHeader,
                        String clientRequestId, JsonNode requestBody, int status, Map<String, String> headers,
                        JsonNode body) {
    static final String DIRECTORY = "recordings/azure-sdk-assets";
    private static final ObjectMapper JSON = new ObjectMapper();

    boolean streamed() {
        return body.isArray();
    }

    /** The SSE frames of a streamed answer, each without its {@code data: } prefix and blank line. */
    List<String> events() {
        List<String> events = new ArrayList<>();
        body.forEach(frame -> events.add(frame.asText().replaceFirst("^data: ", "").strip()));
        return events;
    }

    String deployment() {
        String rest = pathAndQuery.substring("/openai/deployments/".length());
        return rest.substring(0, rest.indexOf('/'));
    }

    /** Every exchange of every recording, in file-name order. */
    static List<RecordedExchange> all() {
        try (Stream<Path> files = Files.list(directory())) {
            List<RecordedExchange> all = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                all.addAll(read(file));
            }
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<RecordedExchange> read(Path file) throws IOException {
        JsonNode entries = JSON.readTree(file.toFile()).get("Entries");
        String fileName = file.getFileName().toString();
        List<RecordedExchange> exchanges = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            String name = entries.size() == 1 ? fileName : fileName + "#" + (i + 1);
            exchanges.add(of(name, entries.get(i)));
        }
        return exchanges;
    }

    private static RecordedExchange of(String name, JsonNode entry) {
        String uri = entry.get("RequestUri").asText();
        String pathAndQuery = uri.substring(uri.indexOf('/', "https://".length()));
        String apiVersion = pathAndQuery.replaceFirst(".*[?&]api-version=([^&]+).*", "$1");
        JsonNode requestHeaders = entry.get("RequestHeaders");
        String auth = requestHeaders.has("api-key") ? "api-key" : "authorization";
        return new RecordedExchange(name, pathAndQuery, apiVersion, auth,
                requestHeaders.path("x-ms-client-request-id").asText(null), entry.get("RequestBody"),
                entry.get("StatusCode").asInt(), lowerCased(entry.get("ResponseHeaders")), entry.get("ResponseBody"));
    }

    private static Map<String, String> lowerCased(JsonNode headers) {
        Map<String, String> map = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = headers.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> header = it.next();
            map.put(header.getKey().toLowerCase(Locale.ROOT), header.getValue().asText());
        }
        return map;
    }

    private static Path directory() {
        try {
            URI uri = RecordedExchange.class.getClassLoader().getResource(DIRECTORY).toURI();
            return Path.of(uri);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
