package io.aoaigw.harness.topology;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

/**
 * Fills the keys a topology leaves out (account key1/key2, subscription primary/secondary) with fresh random ones,
 * so that no usable key needs to live in a checked-in file. Keys given in the YAML are kept.
 */
public final class GeneratedKeys {
    private static final SecureRandom RANDOM = new SecureRandom();

    private GeneratedKeys() {
    }

    public static Topology fillMissing(Topology t) {
        List<Account> accounts = t.accounts().stream().map(GeneratedKeys::withKeys).toList();
        Apim apim = t.apim() == null ? null : withKeys(t.apim());
        return new Topology(t.name(), t.subscriptionId(), t.resourceGroup(), t.tenantId(), t.identities(),
                t.roleAssignments(), apim, t.frontDoor(), accounts, t.transport());
    }

    /** 32 hex characters, the shape of Azure OpenAI and APIM keys. */
    public static String newKey() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static Account withKeys(Account a) {
        if (a.keys().size() >= 2) {
            return a;
        }
        List<String> keys = a.keys().isEmpty() ? List.of(newKey(), newKey()) : List.of(a.keys().get(0), newKey());
        return new Account(a.name(), a.region(), a.port(), keys, a.latency(), a.faults(), a.deployments());
    }

    private static Apim withKeys(Apim apim) {
        List<Apim.Subscription> subs = apim.subscriptions().stream()
                .map(s -> new Apim.Subscription(s.name(), s.scope(), s.state(),
                        s.primaryKey() != null ? s.primaryKey() : newKey(),
                        s.secondaryKey() != null ? s.secondaryKey() : newKey()))
                .toList();
        return apim.withSubscriptions(subs);
    }
}
