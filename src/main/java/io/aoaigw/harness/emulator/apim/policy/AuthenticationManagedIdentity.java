package io.aoaigw.harness.emulator.apim.policy;

import io.vertx.core.Future;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code authentication-managed-identity resource=".." [client-id=".."] [output-token-variable-name=".."]
 * [ignore-error="false"]}: gets a token for APIM's identity and sets {@code Authorization: Bearer …} (the policy
 * reference: "After successfully obtaining the token, the policy will set the value of the token in the
 * Authorization header"); the token also goes into the named variable when one is given. Without a token APIM
 * fails the request (500) unless {@code ignore-error} is true.
 */
final class AuthenticationManagedIdentity implements InboundPolicy {
    private static final Logger LOG = LoggerFactory.getLogger(AuthenticationManagedIdentity.class);

    private final AccessTokenSource tokens;
    private final PolicyExpression resource;
    private final String clientId;
    private final String outputVariable;
    private final boolean ignoreError;

    AuthenticationManagedIdentity(Attributes attributes, AccessTokenSource tokens) {
        this.tokens = tokens;
        this.resource = attributes.expression("resource");
        this.clientId = attributes.optional("client-id", null);
        this.outputVariable = attributes.optional("output-token-variable-name", null);
        this.ignoreError = attributes.optionalBoolean("ignore-error", false);
    }

    @Override
    public Future<Optional<GatewayReply>> apply(PolicyContext ctx) {
        Future<String> token = tokens == null
                ? Future.failedFuture("APIM has no managed identity (or no identity endpoint is running)")
                : tokens.token(resource.evaluate(ctx), clientId);
        return token.map(value -> {
            if (outputVariable != null) {
                ctx.variables().put(outputVariable, value);
            }
            ctx.requestHeaders().set("Authorization", "Bearer " + value);
            return Optional.<GatewayReply>empty();
        }).recover(error -> {
            // the reason only: token values never reach a log
            LOG.warn("authentication-managed-identity: no token for {}: {}", resource, error.getMessage());
            return Future.succeededFuture(ignoreError ? Optional.empty() : Optional.of(GatewayReply.internalError()));
        });
    }
}
