package io.aoaigw.harness.topology;

import java.util.Locale;

/**
 * Region names as the topology and ARM write them ({@code swedencentral}): answers carry the display name in
 * {@code x-ms-region} ({@code Sweden Central}), so both are compared through {@link #key}.
 */
public final class Regions {
    private Regions() {
    }

    /** {@code "Sweden Central"} and {@code "swedencentral"} both become {@code "swedencentral"}; null stays null. */
    public static String key(String region) {
        return region == null ? null : region.replace(" ", "").toLowerCase(Locale.ROOT);
    }
}
