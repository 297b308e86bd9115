package io.aoaigw.harness.load;

import java.util.List;

/**
 * One load profile ({@code scenarios/load/*.yaml}): what each chat looks like, how users arrive, the bounds that make
 * every run stop by itself, and the SLOs its simulation asserts. Loaded and validated by {@link LoadProfileLoader}.
 *
 * @param topology    the topology the embedded target runs (also the source of expected origin shares)
 * @param deployments deployment ids the chats are spread over, round-robin
 * @param streaming   {@code "stream": true} on every chat
 * @param headerShare share of chats sent through the header-reading path (origin, x-request-id, 429 advice) instead
 *                    of the frame-timing SSE path; Gatling's SSE client cannot read answer headers
 * @param prompts     real requests to replay instead of synthetic ones (absent: synthetic prompts of {@code shape})
 */
public record LoadProfile(String name, String description, String topology, List<String> deployments, Shape shape,
                          Boolean streaming, Workload workload, Bounds bounds, Retries retries, Double headerShare,
                          Slo slo, Distribution distribution, Prompts prompts) {

    public LoadProfile {
        deployments = deployments == null ? List.of("gpt-4o") : List.copyOf(deployments);
        streaming = streaming == null ? Boolean.TRUE : streaming;
        retries = retries == null ? new Retries(null) : retries;
        headerShare = headerShare == null ? 0.2 : headerShare;
        slo = slo == null ? new Slo(null, null, null, null) : slo;
        distribution = distribution == null ? new Distribution(null) : distribution;
    }

    /**
     * A prompts file to replay ({@link PromptFile}), path relative to the project directory. Bodies are sent as
     * written, except: {@code stream} and {@code stream_options.include_usage} are set to true unless
     * {@code forceStream} is false, and {@code max_tokens} (or {@code max_completion_tokens}) is capped at
     * {@code shape.outputTokens} (set to it when absent). {@code order}: {@code sequential} (file order, cycling) or
     * {@code shuffled} (a permutation per pass, reproducible from {@code seed}).
     */
    public record Prompts(String file, Order order, Long seed, Boolean forceStream) {
        public enum Order { sequential, shuffled }

        public Prompts {
            order = order == null ? Order.sequential : order;
            seed = seed == null ? 1L : seed;
            forceStream = forceStream == null ? Boolean.TRUE : forceStream;
        }
    }

    /** Request shape: prompt length and answer length ({@code max_tokens}) in tokens. */
    public record Shape(Integer inputTokens, Integer outputTokens) {
    }

    /**
     * {@code open}: users arrive at {@code usersPerSec} (ramping up from {@code startUsersPerSec} when given);
     * {@code closed}: {@code concurrency} users at all times. Arrivals last {@code durationSec} after {@code rampSec}.
     */
    public record Workload(Model model, Double usersPerSec, Double startUsersPerSec, Integer concurrency,
                           Integer rampSec, Integer durationSec) {
        public enum Model { open, closed }

        public Workload {
            rampSec = rampSec == null ? 0 : rampSec;
        }
    }

    /** Hard limits: the run sends at most {@code maxRequests} requests (retries included) and stops after
     * {@code maxDurationSec} whatever is in flight. */
    public record Bounds(Integer maxRequests, Integer maxDurationSec) {
    }

    /** Retries of 429s on the header path: at most {@code max} per chat, each after the advised wait. */
    public record Retries(Integer max) {
        public Retries {
            max = max == null ? 3 : max;
        }
    }

    /** Service-level objectives; absent ones are not asserted. */
    public record Slo(Double ttftP95Ms, Double itlP95Ms, Double errorPercent, Double minTokensPerSec) {
    }

    /**
     * Per-origin share check: observed shares must lie within {@code sigmas} binomial standard deviations (plus one
     * request for rounding) of the shares the topology's weights give.
     */
    public record Distribution(Double sigmas) {
        public Distribution {
            sigmas = sigmas == null ? 4.0 : sigmas;
        }
    }
}
