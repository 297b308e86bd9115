package io.aoaigw.harness.load;

/**
 * Smoke: a few streamed chats through the embedded gateway, timed to the first token, between tokens and to the end,
 * judged by the SLOs of {@code scenarios/load/smoke.yaml}. The default of {@code ./mvnw gatling:test}.
 */
public class SmokeSimulation extends SteadySimulation {
    public SmokeSimulation() {
        super("smoke", "scenarios/load/smoke.yaml");
    }
}
