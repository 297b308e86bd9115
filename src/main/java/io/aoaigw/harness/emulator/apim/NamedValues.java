package io.aoaigw.harness.emulator.apim;

import io.aoaigw.harness.topology.Apim;
import io.aoaigw.harness.topology.Topology;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * APIM's named values in a policy: each {@code {{name}}} is replaced by the value before the policy runs, as the
 * gateway does. A Key Vault reference is not fetched here (no vault runs): it stands as a marker text, so a policy
 * relying on one fails visibly instead of using a real secret. {@code ${accountKey:NAME}} in a value stands for that
 * account's first key.
 */
public final class NamedValues {
    static final String KEY_VAULT_MARKER = "key-vault-secret-not-resolved-by-the-emulator";
    private static final Pattern ACCOUNT_KEY = Pattern.compile("\\$\\{accountKey:([^}]+)}");

    private NamedValues() {
    }

    /** The policy text with every {@code {{name}}} of a known named value replaced; unknown names stay as written. */
    public static String resolve(String policy, Topology topology) {
        Map<String, Apim.NamedValue> byName = topology.apim().namedValues().stream()
                .collect(Collectors.toMap(nv -> nv.name().toLowerCase(), Function.identity(), (a, b) -> a));
        Matcher m = Apim.NamedValue.REFERENCE.matcher(policy);
        return m.replaceAll(r -> {
            Apim.NamedValue nv = byName.get(r.group(1).trim().toLowerCase());
            return Matcher.quoteReplacement(nv == null ? r.group() : valueOf(nv, topology));
        });
    }

    private static String valueOf(Apim.NamedValue nv, Topology topology) {
        if (nv.keyVaultSecretId() != null) {
            return KEY_VAULT_MARKER;
        }
        String value = nv.value() == null ? "" : nv.value();
        return ACCOUNT_KEY.matcher(value).replaceAll(k -> Matcher.quoteReplacement(topology.account(k.group(1))
                .map(a -> a.keys().isEmpty() ? "" : a.keys().get(0)).orElse(k.group())));
    }
}
