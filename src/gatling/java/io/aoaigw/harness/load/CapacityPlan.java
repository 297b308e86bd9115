package io.aoaigw.harness.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aoaigw.harness.capacity.BindingLimit;
import io.aoaigw.harness.topology.Account;
import io.aoaigw.harness.topology.Deployment;
import io.aoaigw.harness.topology.ProvisionedThroughput;
import java.util.Set;

/**
 * What a capacity run measures against: after the warm-up, the second measurement starts and the binding limit the
 * topology predicts for the profile's request shape (embedded targets; a real deployment's topology is not the
 * profile's), both recorded in the summary, with the PTUs of the provisioned origins.
 */
final class CapacityPlan {
    /** Tokens the chat format adds to one user message, as the accounts count them (3 per message, role, 3 priming). */
    static final int CHAT_FORMAT_TOKENS = 7;
    private static final int SAMPLES = 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private CapacityPlan() {
    }

    static void settleAndRecord(LoadRun run) {
        Set<String> unavailable = ProbeSettling.await(run);
        if (run.target().real().isEmpty()) {
            BindingLimit.Shape shape = new BindingLimit.Shape(promptTokens(run), run.profile().shape().outputTokens());
            BindingLimit.of(run.topology(), run.profile().deployments().get(0), shape, unavailable).ifPresent(b -> {
                run.summary().bindingLimit(b.requestsPerMin(), b.limit(), b.origin());
                System.out.println("binding limit: " + b.describe() + "; " + shape.promptTokens() + " prompt + "
                        + shape.maxTokens() + " max_tokens per chat");
            });
            recordProvisioned(run);
        }
        run.summary().measuringFrom(System.currentTimeMillis());
    }

    /** The PTUs of each provisioned origin, which tokens per minute per PTU divide by. */
    private static void recordProvisioned(LoadRun run) {
        String deploymentId = run.profile().deployments().get(0);
        for (Account a : run.topology().accounts()) {
            a.deployment(deploymentId).filter(Deployment::provisioned).ifPresent(d -> run.summary().provisioned(
                    a.region(), d.ptu(), ProvisionedThroughput.rateOf(d.model()).outputWeight()));
        }
    }

    /** Mean prompt tokens of the profile's chats as the accounts count them (o200k plus the chat format). */
    private static int promptTokens(LoadRun run) {
        long total = 0;
        for (int i = 0; i < SAMPLES; i++) {
            try {
                JsonNode body = JSON.readTree(run.nextBody().body());
                total += PromptTokens.of(body)[0] + (long) CHAT_FORMAT_TOKENS * body.path("messages").size();
            } catch (java.io.IOException e) {
                throw new IllegalStateException("a chat body of the profile is not JSON", e);
            }
        }
        return (int) Math.round((double) total / SAMPLES);
    }
}
