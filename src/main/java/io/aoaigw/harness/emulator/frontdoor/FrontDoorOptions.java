package io.aoaigw.harness.emulator.frontdoor;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * What the emulator needs beyond the topology: the random source of the weighted choice (seed it for reproducible
 * runs) and overrides of the topology's probe interval and origin response timeout. The overrides exist so tests need
 * not wait for the YAML's ranges (timeout 16–240 s); null means "as the topology says".
 */
public record FrontDoorOptions(RandomGenerator random, Duration probeInterval, Duration originResponseTimeout) {

    public FrontDoorOptions {
        random = random == null ? new SplittableRandom() : random;
        requirePositive(probeInterval, "probeInterval");
        requirePositive(originResponseTimeout, "originResponseTimeout");
    }

    public static FrontDoorOptions defaults() {
        return new FrontDoorOptions(null, null, null);
    }

    public FrontDoorOptions withRandom(RandomGenerator value) {
        return new FrontDoorOptions(value, probeInterval, originResponseTimeout);
    }

    public FrontDoorOptions withProbeInterval(Duration value) {
        return new FrontDoorOptions(random, value, originResponseTimeout);
    }

    public FrontDoorOptions withOriginResponseTimeout(Duration value) {
        return new FrontDoorOptions(random, probeInterval, value);
    }

    static void requirePositive(Duration value, String name) {
        if (value != null && (value.isNegative() || value.isZero())) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }
}
