package io.aoaigw.harness.load;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Hands out the bodies of a prompts file, one per chat, in the profile's order: the file's order, or a shuffle per
 * pass drawn from the seed, so two runs of a profile replay the same sequence. Thread-safe.
 */
public final class PromptReplay {
    /** One chat's body (JSON text), request class and prompt size. */
    public record Next(String body, String requestClass, int promptTokens) {
    }

    private final List<Prompt> prompts;
    private final LoadProfile.Prompts options;
    private final int maxTokens;
    private List<Integer> pass = List.of();
    private long handedOut;

    public PromptReplay(List<Prompt> prompts, LoadProfile.Prompts options, int maxTokens) {
        this.prompts = List.copyOf(prompts);
        this.options = options;
        this.maxTokens = maxTokens;
    }

    public synchronized Next next() {
        int index = (int) (handedOut % prompts.size());
        if (index == 0) {
            pass = order(handedOut / prompts.size());
        }
        handedOut++;
        Prompt p = prompts.get(pass.get(index));
        return new Next(prepare(p.body()).toString(), p.requestClass(), p.promptTokens());
    }

    private List<Integer> order(long passNumber) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < prompts.size(); i++) {
            order.add(i);
        }
        if (options.order() == LoadProfile.Prompts.Order.shuffled) {
            Collections.shuffle(order, new Random(options.seed() * 31 + passNumber));
        }
        return order;
    }

    /** The body as written, with streaming forced on (unless the profile says not to) and its answer length capped. */
    ObjectNode prepare(ObjectNode written) {
        ObjectNode body = written.deepCopy();
        if (options.forceStream()) {
            body.put("stream", true);
            ObjectNode streamOptions = body.path("stream_options") instanceof ObjectNode o ? o
                    : body.putObject("stream_options");
            streamOptions.put("include_usage", true);
        }
        String field = body.has("max_completion_tokens") ? "max_completion_tokens" : "max_tokens";
        int asked = body.path(field).canConvertToInt() ? body.path(field).asInt() : maxTokens;
        body.put(field, Math.min(asked, maxTokens));
        return body;
    }
}
