package io.aoaigw.harness.emulator.aoai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * Replays every recorded Azure exchange (src/test/resources/recordings) against an emulated account and compares
 * status, header names and value formats, body shape and SSE frame sequence. A difference fails the exchange unless
 * {@link DeliberateDifferences} lists it with its reason; a listed difference that no longer occurs fails too, and
 * docs/conformance.md must show the verdict this run computes for every recording.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConformanceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path DOC = Path.of("docs/conformance.md");

    private final Map<String, List<String>> deliberateByExchange = new LinkedHashMap<>();
    private final Set<String> usedDeliberate = new HashSet<>();
    /** Every difference of this run, listed or not, written to target/ for whoever updates the list or the docs. */
    private final List<String> allDifferences = new ArrayList<>();
    private RunningAccount account;
    private RunningAccount throttled;

    @BeforeAll
    void start() {
        account = RunningAccount.start(ConformanceAccounts.recordedDeployments(),
                ConformanceAccounts.settings());
        throttled = RunningAccount.start(ConformanceAccounts.throttledEmbeddings(),
                ConformanceAccounts.settings());
    }

    @AfterAll
    void stop() throws IOException {
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/conformance-differences.txt"), allDifferences);
        Files.write(Path.of("target/conformance-verdicts.md"), verdictLines(RecordedExchange.all()));
        account.close();
        throttled.close();
    }

    @TestFactory
    Stream<DynamicTest> everyRecordedExchangeConformsOrDiffersDeliberately() {
        List<RecordedExchange> exchanges = RecordedExchange.all();
        List<DynamicTest> tests = new ArrayList<>();
        for (RecordedExchange exchange : exchanges) {
            tests.add(DynamicTest.dynamicTest(exchange.name(), () -> replayAndCompare(exchange)));
        }
        tests.add(DynamicTest.dynamicTest("the corpus holds at least 20 exchanges",
                () -> assertThat(exchanges).hasSizeGreaterThanOrEqualTo(20)));
        tests.add(DynamicTest.dynamicTest("every listed deliberate difference still occurs",
                () -> assertThat(DeliberateDifferences.ids()).allMatch(usedDeliberate::contains,
                        "occurs in this run (else remove it from the list)")));
        tests.add(DynamicTest.dynamicTest("docs/conformance.md shows every verdict and deliberate difference",
                () -> checkDocs(exchanges)));
        return tests.stream();
    }

    private void replayAndCompare(RecordedExchange exchange) throws Exception {
        RunningAccount target = exchange.status() == 429 ? throttled : account;
        if (exchange.status() == 429) {
            exhaustRequestRate(target, exchange);
        }
        HttpResponse<String> answer = replay(target, exchange);
        List<String> differences = differences(exchange, answer);
        List<String> unlisted = new ArrayList<>();
        List<String> deliberate = new ArrayList<>();
        for (String difference : differences) {
            String id = DeliberateDifferences.idOf(exchange.name(), difference);
            if (id == null) {
                unlisted.add(difference);
            } else if (!deliberate.contains(id)) {
                deliberate.add(id);
            }
            if (id != null) {
                usedDeliberate.add(id);
            }
        }
        deliberateByExchange.put(exchange.name(), deliberate);
        allDifferences.add(exchange.name());
        differences.forEach(d -> allDifferences.add("  " + d));
        assertThat(unlisted).as("differences from the recording not listed in DeliberateDifferences").isEmpty();
    }

    static List<String> differences(RecordedExchange exchange, HttpResponse<String> answer) throws IOException {
        List<String> out = new ArrayList<>();
        if (answer.statusCode() != exchange.status()) {
            out.add("status: recorded " + exchange.status() + ", emulated " + answer.statusCode());
        }
        HeaderDiff.compare(exchange.headers(), headers(answer), exchange.clientRequestId(), out);
        boolean emulatedStream = answer.headers().firstValue("content-type").orElse("")
                .startsWith("text/event-stream");
        if (exchange.streamed() != emulatedStream) {
            out.add("body: recorded " + (exchange.streamed() ? "stream" : "JSON") + ", emulated "
                    + (emulatedStream ? "stream" : "JSON"));
        } else if (emulatedStream) {
            SseShape.compare(exchange.events(), RunningAccount.events(answer.body()), out);
        } else {
            ShapeDiff.compare("body", exchange.body(), JSON.readTree(answer.body()), out);
        }
        return out;
    }

    /** The request as recorded: path with api-version, body, client request id, and the recorded kind of auth. */
    private static HttpResponse<String> replay(RunningAccount target, RecordedExchange exchange) {
        HttpRequest.Builder request = HttpRequest.newBuilder(target.uri(exchange.pathAndQuery()))
                .timeout(Duration.ofSeconds(30)).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(exchange.requestBody().toString()));
        if (exchange.clientRequestId() != null) {
            request.header("x-ms-client-request-id", exchange.clientRequestId());
        }
        if (exchange.authHeader().equals("api-key")) {
            request.header("api-key", target.key());
        }
        return target.send(request.build());
    }

    /** A recorded 429 was answered to a deployment at its request rate: bring the emulated one there first. */
    private static void exhaustRequestRate(RunningAccount target, RecordedExchange exchange) {
        for (int i = 0; i < 10; i++) {
            if (replay(target, exchange).statusCode() == 429) {
                return;
            }
        }
        throw new AssertionError("the throttled deployment never refused a request");
    }

    private static Map<String, String> headers(HttpResponse<String> answer) {
        Map<String, String> headers = new LinkedHashMap<>();
        answer.headers().map().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT),
                values.get(0)));
        return headers;
    }

    /** One table row per exchange: {@code | `name` | conforms |} or {@code | `name` | differs: D1, D4 |}. */
    private List<String> verdictLines(List<RecordedExchange> exchanges) {
        List<String> lines = new ArrayList<>();
        for (RecordedExchange exchange : exchanges) {
            List<String> ids = deliberateByExchange.get(exchange.name());
            String verdict = ids == null ? "not run"
                    : ids.isEmpty() ? "conforms" : "differs: " + String.join(", ", ids);
            lines.add("| `" + exchange.name() + "` | " + verdict + " |");
        }
        return lines;
    }

    private void checkDocs(List<RecordedExchange> exchanges) throws IOException {
        String doc = Files.readString(DOC);
        assertThat(doc.lines().map(String::strip).toList()).as("verdict lines of " + DOC)
                .containsAll(verdictLines(exchanges));
        for (String id : DeliberateDifferences.ids()) {
            assertThat(doc).as(DOC + " explains " + id).contains("| " + id + " |");
        }
        long conforming = deliberateByExchange.values().stream().filter(List::isEmpty).count();
        assertThat(doc).as(DOC + " counts").contains("Recorded exchanges: " + exchanges.size() + ". Conforming: "
                + conforming + ". Deliberate differences: " + DeliberateDifferences.ids().size() + ".");
    }
}
