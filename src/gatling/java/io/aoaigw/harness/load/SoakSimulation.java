package io.aoaigw.harness.load;

/** Soak: constant load for a bounded duration ({@code scenarios/load/balanced.yaml}: 50 streams for 60 s). */
public class SoakSimulation extends SteadySimulation {
    public SoakSimulation() {
        super("soak", "scenarios/load/balanced.yaml");
    }
}
