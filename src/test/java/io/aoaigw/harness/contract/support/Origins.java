package io.aoaigw.harness.contract.support;

import io.aoaigw.harness.target.ResolvedTarget;
import io.aoaigw.harness.topology.Regions;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tells which account served an answer that came through the chain: by the emulator's ground truth when there is an
 * inside view, else by the answer's {@code x-ms-region} when the accounts' regions (from ARM) are distinct.
 */
public final class Origins {
    private final ResolvedTarget target;
    private final Map<String, String> accountByRegion = new HashMap<>();
    private final boolean regionsDistinct;

    public Origins(ResolvedTarget target, Map<String, String> regionByAccount) {
        this.target = target;
        regionByAccount.forEach((account, region) -> accountByRegion.merge(Regions.key(region), account,
                (a, b) -> a + "," + b));
        this.regionsDistinct = accountByRegion.values().stream().noneMatch(a -> a.contains(","));
    }

    /** The account that served the answer; empty when no account answered or it cannot be told. */
    public Optional<String> accountOf(Response answer) {
        if (InsideView.of(target).isPresent()) {
            return InsideView.of(target).get().servedBy(answer.getHeader("x-request-id"))
                    .map(InsideView.Served::account);
        }
        String region = Regions.key(answer.getHeader("x-ms-region"));
        return region == null || !regionsDistinct ? Optional.empty()
                : Optional.ofNullable(accountByRegion.get(region));
    }

    /** Whether answers can be attributed at all on this target. */
    public boolean attributable() {
        return InsideView.of(target).isPresent() || regionsDistinct;
    }

    /** The accounts that share a region, for the message when answers cannot be attributed. */
    public List<String> sharedRegions() {
        return accountByRegion.entrySet().stream().filter(e -> e.getValue().contains(","))
                .map(e -> e.getKey() + ": " + e.getValue()).toList();
    }
}
