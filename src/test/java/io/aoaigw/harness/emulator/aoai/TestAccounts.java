package io.aoaigw.harness.emulator.aoai;

import io.aoaigw.harness.emulator.identity.AccessTokenValidator;
import io.aoaigw.harness.emulator.identity.AccessTokenValidator.InvalidTokenException;
import io.aoaigw.harness.emulator.identity.ValidatedToken;
import io.aoaigw.harness.topology.Account;
import io.aoaigw.harness.topology.Deployment;
import io.aoaigw.harness.topology.Faults;
import io.aoaigw.harness.topology.Identity;
import io.aoaigw.harness.topology.LatencyModel;
import io.aoaigw.harness.topology.RoleAssignment;
import io.aoaigw.harness.topology.Topology;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;

/** Topologies and a token validator for the account emulator's tests, built in code with fresh keys. */
final class TestAccounts {
    static final String ACCOUNT = "aoai-test";
    static final String TENANT = "72f988bf-0000-4000-8000-00000000a1b2";
    static final String OID_WITH_ROLE = "1f2e3d4c-4444-4d5e-8f6a-7b8c9d0e1f2a";
    static final String OID_WITHOUT_ROLE = "3c9d8e7f-2222-4b3c-8d4e-5f6a7b8c9d0e";
    static final String TOKEN_WITH_ROLE = "test-token-with-role";
    static final String TOKEN_WITHOUT_ROLE = "test-token-without-role";
    static final String TOKEN_EXPIRED = "test-token-expired";

    /** Fast answers, so tests spend their time on behaviour, not on waiting. */
    static final LatencyModel FAST = new LatencyModel(5, 1, 0);

    private TestAccounts() {
    }

    static Deployment gpt4o(Integer tpm, Integer rpm, int minTokens, int maxTokens) {
        return new Deployment("gpt-4o", "gpt-4o", "2024-08-06", Deployment.Kind.chat, null, tpm, rpm, null,
                new Deployment.Completion(minTokens, maxTokens), null);
    }

    static Deployment gpt4o() {
        return gpt4o(1_000_000, 100_000, 20, 40);
    }

    static Deployment embeddings() {
        return new Deployment("text-embedding-3-small", "text-embedding-3-small", "1", null, null, 1_000_000,
                100_000, 1536, null, null);
    }

    static Account account(LatencyModel latency, Deployment... deployments) {
        return new Account(ACCOUNT, "swedencentral", 0, List.of(newKey(), newKey()), latency, Faults.NONE,
                List.of(deployments));
    }

    static Account account() {
        return account(FAST, gpt4o(), embeddings());
    }

    /** One account; APIM's identity holds Cognitive Services OpenAI User on it, the reader holds only Reader. */
    static Topology topology(Account account) {
        return new Topology("test", "6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f", "rg-test", TENANT,
                List.of(new Identity("apim", Identity.Kind.managedIdentity, "c1", null, OID_WITH_ROLE),
                        new Identity("reader", Identity.Kind.servicePrincipal, "c2", "s", OID_WITHOUT_ROLE)),
                List.of(new RoleAssignment("apim", "Cognitive Services OpenAI User", "account:" + account.name()),
                        new RoleAssignment("reader", "Reader", "resourceGroup")),
                null, null, List.of(account), null);
    }

    /** Maps fixed test strings to tokens; anything else is invalid, as a real validator would find it. */
    static AccessTokenValidator validator() {
        return (jwt, audience) -> switch (jwt) {
            case TOKEN_WITH_ROLE -> Future.succeededFuture(token(OID_WITH_ROLE, audience));
            case TOKEN_WITHOUT_ROLE -> Future.succeededFuture(token(OID_WITHOUT_ROLE, audience));
            case TOKEN_EXPIRED -> Future.failedFuture(new InvalidTokenException("expired"));
            default -> Future.failedFuture(new InvalidTokenException("malformed"));
        };
    }

    private static ValidatedToken token(String oid, String audience) {
        return new ValidatedToken(oid, TENANT, audience, "app", Instant.now().plusSeconds(3600));
    }

    private static String newKey() {
        return io.aoaigw.harness.topology.GeneratedKeys.newKey();
    }
}
