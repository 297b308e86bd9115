package io.aoaigw.harness.load;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aoaigw.harness.inventory.MetricReading;
import io.aoaigw.harness.topology.Regions;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The accounts' own view of a run ({@code figures.accountsView}): per account, the requests and tokens Azure Monitor
 * counted over the run's minutes, beside the answers the harness itself saw from that account's region (header path
 * only: the SSE path cannot read {@code x-ms-region}). When ARM could not be read, one line saying why. Read from the
 * target after the run, so not part of the mergeable data: a merged summary has none.
 */
public final class AccountsView {
    /** Azure OpenAI's metric names ("Monitoring data reference for Azure OpenAI"), read with the Total aggregation. */
    public static final String REQUESTS = "AzureOpenAIRequests";
    public static final String PROMPT_TOKENS = "ProcessedPromptTokens";
    public static final String GENERATED_TOKENS = "GeneratedTokens";

    /** One account as Azure Monitor counted it; {@code region} may be null when it is unknown. */
    public record Account(String name, String region, long requests, long promptTokens, long generatedTokens) {
    }

    private AccountsView() {
    }

    /** The total of every point of every timeseries (a metric read unsplit has one, keyed ""). */
    public static long total(MetricReading reading) {
        return Math.round(reading.bySplitValue().values().stream().flatMap(List::stream)
                .map(MetricReading.Point::total).filter(Objects::nonNull).mapToDouble(Double::doubleValue).sum());
    }

    /**
     * @param minutes the metrics' timespan, ISO 8601 ({@code start/end}), whole minutes covering the run
     * @param origins the harness's answers per origin region, as {@link LoadSummary#origins()} keys them
     */
    public static ObjectNode available(String minutes, List<Account> accounts, Map<String, Long> origins) {
        ObjectNode view = JsonNodeFactory.instance.objectNode().put("available", true).put("timespan", minutes);
        ObjectNode byName = view.putObject("accounts");
        for (Account a : accounts) {
            ObjectNode n = byName.putObject(a.name()).put("region", a.region()).put("requests", a.requests())
                    .put("promptTokens", a.promptTokens()).put("generatedTokens", a.generatedTokens());
            n.put("harnessHeaderPathAnswers", a.region() == null ? 0 : origins.getOrDefault(Regions.key(a.region()),
                    0L));
        }
        return view;
    }

    public static ObjectNode unavailable(String reason) {
        return JsonNodeFactory.instance.objectNode().put("available", false).put("reason", reason);
    }

    /** A short Markdown section: the table, or the one line saying why there is none. */
    public static String markdown(ObjectNode view) {
        StringBuilder b = new StringBuilder("### Accounts' view (Azure Monitor)\n\n");
        if (!view.path("available").asBoolean()) {
            return b.append("Not available: ").append(cell(view.path("reason").asText())).append("\n").toString();
        }
        b.append("Timespan ").append(view.path("timespan").asText()).append(".\n\n")
                .append("| account | region | requests | prompt tokens | generated tokens | harness answers"
                        + " (header path) |\n|---|---|---|---|---|---|\n");
        view.path("accounts").properties().forEach(e -> b.append("| ").append(cell(e.getKey())).append(" | ")
                .append(cell(e.getValue().path("region").asText("–"))).append(" | ")
                .append(e.getValue().path("requests").asLong()).append(" | ")
                .append(e.getValue().path("promptTokens").asLong()).append(" | ")
                .append(e.getValue().path("generatedTokens").asLong()).append(" | ")
                .append(e.getValue().path("harnessHeaderPathAnswers").asLong()).append(" |\n"));
        return b.toString();
    }

    /** Table-safe text: no pipe or newline breaks the row. */
    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }
}
